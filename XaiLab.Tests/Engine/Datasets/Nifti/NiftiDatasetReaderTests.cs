using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Tests.Engine.Datasets.Nifti;

public sealed class NiftiDatasetReaderTests
{
    /// <summary>Dataset path → the nibabel fixture copied there.</summary>
    private static readonly Dictionary<string, string> TwoClasses = new()
    {
        ["tumour/p1.nii"] = "n1-le-int16.nii",
        ["tumour/deep/p2.nii.gz"] = "n1-le-int16-extension.nii.gz",
        ["healthy/h1.nii"] = "n1-le-uint8.nii",
        ["healthy/h2.nii"] = "n2-be-float64.nii",
        ["healthy/h3.nii"] = "n1-le-int32.nii",
        ["masks/tumour/p1.nii.gz"] = "n1-le-int16-mask.nii.gz",
    };

    private static readonly Dictionary<string, string> Patients = new()
    {
        ["tumour/p1.nii"] = "tumour/p1",
        ["tumour/deep/p2.nii.gz"] = "tumour/deep/p2",
        ["healthy/h1.nii"] = "H",
        ["healthy/h2.nii"] = "H",
        ["healthy/h3.nii"] = "healthy/h3",
    };

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(0, NiftiSliceSelection.Nonzero)]
    [InlineData(1, NiftiSliceSelection.All)]
    [InlineData(2, NiftiSliceSelection.All)]
    [InlineData(2, NiftiSliceSelection.Nonzero)]
    public void Read_TwoClassesWithMasksAndPatientCsv(int axis, NiftiSliceSelection? selection)
    {
        using var temp = WriteTwoClasses();
        var notices = new ImportNotices();
        var reader = new NiftiDatasetReader(options: new NiftiOptions { Axis = axis, Slices = selection }, notices: notices);

        var slices = reader.Read(temp.Path).ToList();

        var volumes = TwoClasses.Keys.Where(k => !k.StartsWith("masks/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(volumes, slices.Select(s => s.SourceName).Distinct());
        foreach (var file in volumes)
        {
            var expected = NiftiReference.Volume(TwoClasses[file]);
            var values = expected.Volumes[0];
            var fromFile = slices.Where(s => s.SourceName == file).ToList();
            var hasMask = file == "tumour/p1.nii";
            var positions = (selection ?? (hasMask ? NiftiSliceSelection.Mask : NiftiSliceSelection.Nonzero)) switch
            {
                NiftiSliceSelection.All => Enumerable.Range(0, expected.Shape[axis]).ToArray(),
                NiftiSliceSelection.Nonzero => values.Nonzero[axis],
                _ => NiftiReference.Mask.Slices[axis],
            };
            var (width, height) = axis switch
            {
                0 => (expected.Shape[1], expected.Shape[2]),
                1 => (expected.Shape[0], expected.Shape[2]),
                _ => (expected.Shape[0], expected.Shape[1]),
            };

            Assert.Equal(positions, fromFile.Select(s => s.Metadata!.Position!.Value));
            Assert.All(fromFile, s =>
            {
                Assert.Equal(file[..file.IndexOf('/')], s.ClassName);
                Assert.Equal(Patients[file], s.PatientId);
                Assert.Equal((width, height, 16), (s.Image.Width, s.Image.Height, s.Image.BitDepth));
                Assert.Equal(new SliceMetadata(Axis: axis, Position: s.Metadata!.Position, Count: expected.Shape[axis],
                    ValueScale: (values.Max - values.Min) / 65535, ValueOffset: values.Min, Series: file), s.Metadata);
                Assert.Equal(hasMask, s.Mask is not null);
            });
            AssertPixelsAreNibabelValues(expected, values, axis, fromFile);
            if (hasMask)
            {
                AssertMasksAreNibabelMask(expected, axis, fromFile);
            }
        }

        Assert.Equal([new ImportNotice("healthy/h1.json", "not a NIfTI volume (.nii or .nii.gz)")], notices.Items);
    }

    [Fact]
    public void Read_ZipGivesTheSameSlicesAsTheFolder()
    {
        using var temp = WriteTwoClasses();
        var zip = temp.ZipFolder("volumes.zip", temp.Path, "study/");
        var reader = new NiftiDatasetReader();

        var fromFolder = reader.Read(temp.Path).ToList();
        var fromZip = reader.Read(zip).ToList();

        Assert.Equal(fromFolder.Count, fromZip.Count);
        Assert.All(fromFolder.Zip(fromZip), pair =>
        {
            Assert.Equal((pair.First.SourceName, pair.First.PatientId, pair.First.Metadata), (pair.Second.SourceName, pair.Second.PatientId, pair.Second.Metadata));
            Assert.Equal(pair.First.Image.Pixels, pair.Second.Image.Pixels);
            Assert.Equal(pair.First.Mask?.Values, pair.Second.Mask?.Values);
        });
    }

    [Fact]
    public void Read_MaskSelectionWithAMaskForEveryVolume()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        temp.Write("b/y.nii.gz", NiftiReference.Bytes("n1-le-int16-extension.nii.gz"));
        temp.Write("masks/a/x.nii.gz", NiftiReference.Bytes("n1-le-int16-mask.nii.gz"));
        temp.Write("masks/b/y.nii.gz", NiftiReference.Bytes("n1-le-int16-mask.nii.gz"));
        var reader = new NiftiDatasetReader(options: new NiftiOptions { Slices = NiftiSliceSelection.Mask, Axis = 1 });

        var slices = reader.Read(temp.Path).ToList();

        Assert.Equal(NiftiReference.Mask.Slices[1].Concat(NiftiReference.Mask.Slices[1]), slices.Select(s => s.Metadata!.Position!.Value));
        Assert.All(slices, s => Assert.True(s.Mask!.Area > 0));
    }

    [Fact]
    public void Read_RefusesMaskSelectionWhenAVolumeHasNoMask()
    {
        using var temp = WriteTwoClasses();
        var reader = new NiftiDatasetReader(options: new NiftiOptions { Slices = NiftiSliceSelection.Mask });

        using var slices = reader.Read(temp.Path).GetEnumerator();

        var e = Assert.Throws<DatasetImportException>(() => slices.MoveNext());
        Assert.Equal("healthy/h1.nii has no mask (masks/healthy/h1.nii); keeping only the slices that touch the mask needs one for every volume.", e.Message);
    }

    [Fact]
    public void Read_RefusesMaskOfAnotherShapeAndYieldsNothingAfter()
    {
        using var temp = new TempFolder();
        temp.Write("a/1.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        temp.Write("a/2.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        temp.Write("masks/a/2.nii", NiftiReference.WithInt16(NiftiReference.Bytes("n1-le-int16.nii"), (46, 5)));
        temp.Write("b/3.nii", NiftiReference.Bytes("n1-le-uint8.nii"));
        var reader = new NiftiDatasetReader();
        var yielded = new List<ImportedSlice>();

        using var slices = reader.Read(temp.Path).GetEnumerator();
        var e = Assert.Throws<DatasetImportException>(() =>
        {
            while (slices.MoveNext())
            {
                yielded.Add(slices.Current);
            }
        });

        Assert.Equal("Mask masks/a/2.nii is 12x10x5 voxels but its volume a/2.nii is 12x10x6; masks must have the volume's shape.", e.Message);
        Assert.Equal(["a/1.nii"], yielded.Select(s => s.SourceName).Distinct());
        Assert.False(slices.MoveNext());
    }

    [Fact]
    public void Read_FourDimensionalSeriesAtTheChosenVolume()
    {
        using var temp = new TempFolder();
        temp.Write("a/s.nii", NiftiReference.Bytes("n1-le-int16-4d.nii"));
        temp.Write("b/t.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        var expected = NiftiReference.Volume("n1-le-int16-4d.nii");
        var values = expected.Volumes[2];

        var slices = new NiftiDatasetReader(options: new NiftiOptions { VolumeIndex = 2 }).Read(temp.Path).Where(s => s.SourceName == "a/s.nii").ToList();
        var refused = Assert.Throws<DatasetImportException>(() => new NiftiDatasetReader().Read(temp.Path).ToList());

        Assert.NotEqual(expected.Volumes[0].Nonzero[2], values.Nonzero[2]);
        Assert.Equal(values.Nonzero[2], slices.Select(s => s.Metadata!.Position!.Value));
        Assert.Equal((values.Min, (values.Max - values.Min) / 65535), (slices[0].Metadata!.ValueOffset, slices[0].Metadata!.ValueScale));
        AssertPixelsAreNibabelValues(expected, values, 2, slices);
        Assert.StartsWith("a/s.nii is a 4-D series of 3 volumes", refused.Message);
    }

    [Fact]
    public void Read_ConstantVolumeStoresZeroAndIsReportedWhenNothingIsKept()
    {
        using var temp = new TempFolder();
        var empty = NiftiReference.Bytes("n1-le-uint8.nii");
        Array.Clear(empty, 352, empty.Length - 352);
        temp.Write("a/empty.nii", empty);
        temp.Write("b/x.nii", NiftiReference.Bytes("n1-le-uint8.nii"));
        var notices = new ImportNotices();

        var kept = new NiftiDatasetReader(notices: notices).Read(temp.Path).ToList();
        var all = new NiftiDatasetReader(options: new NiftiOptions { Slices = NiftiSliceSelection.All }).Read(temp.Path)
            .Where(s => s.SourceName == "a/empty.nii").ToList();

        Assert.DoesNotContain(kept, s => s.SourceName == "a/empty.nii");
        Assert.Equal([new ImportNotice("a/empty.nii", "every voxel is zero")], notices.Items);
        Assert.Equal(6, all.Count);
        Assert.All(all, s =>
        {
            Assert.All(s.Image.Pixels, p => Assert.Equal(0, p));
            Assert.Equal((1.0, 0.0), (s.Metadata!.ValueScale, s.Metadata!.ValueOffset));
        });
    }

    [Theory]
    [InlineData("n1-le-int16-scaled.nii")]
    [InlineData("n1-le-int16-nibabel-scaled.nii")]
    public void Read_ScaledVolumesMapPhysicalValues(string fixture)
    {
        using var temp = new TempFolder();
        temp.Write("a/x.nii", NiftiReference.Bytes(fixture));
        temp.Write("b/y.nii", NiftiReference.Bytes("n1-le-uint8.nii"));
        var expected = NiftiReference.Volume(fixture);
        var values = expected.Volumes[0];

        var slices = new NiftiDatasetReader().Read(temp.Path).Where(s => s.SourceName == "a/x.nii").ToList();

        Assert.Equal(values.Nonzero[2], slices.Select(s => s.Metadata!.Position!.Value));
        Assert.Equal((values.Min, (values.Max - values.Min) / 65535), (slices[0].Metadata!.ValueOffset, slices[0].Metadata!.ValueScale));
        AssertPixelsAreNibabelValues(expected, values, 2, slices);
    }

    [Fact]
    public void Read_NotANumberStoresZeroAndCountsAsZero()
    {
        using var temp = new TempFolder();
        var withNan = NiftiReference.WithSingle(NiftiReference.Bytes("n1-le-float32.nii"), 352, float.NaN);
        temp.Write("a/x.nii", withNan);
        temp.Write("b/y.nii", NiftiReference.Bytes("n1-le-uint8.nii"));
        var expected = NiftiReference.Volume("n1-le-float32.nii");

        var slices = new NiftiDatasetReader(options: new NiftiOptions { Slices = NiftiSliceSelection.All }).Read(temp.Path)
            .Where(s => s.SourceName == "a/x.nii").ToList();
        var nonzero = new NiftiDatasetReader().Read(temp.Path).Where(s => s.SourceName == "a/x.nii");

        Assert.Equal(expected.Volumes[0].Nonzero[2], nonzero.Select(s => s.Metadata!.Position!.Value));
        Assert.Equal(expected.Volumes[0].Min, slices[0].Metadata!.ValueOffset);
        var (x, y, _) = NiftiReference.PixelOf(expected, 2, 0, 0, 0);
        Assert.Equal(0, slices[0].Image[x, y]);
    }

    [Fact]
    public void Read_RefusesHeaderImagePairs()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        temp.Write("b/y.hdr", NiftiReference.Bytes("n1-le-int16.nii")[..348]);
        temp.Write("b/y.img", new byte[1440]);

        var e = Assert.Throws<DatasetImportException>(() => new NiftiDatasetReader().Read(temp.Path).ToList());

        Assert.Equal(
            "b/y.hdr is half of a .hdr/.img pair; only single-file NIfTI volumes (.nii or .nii.gz) can be imported " +
            "(convert it, for example with nibabel or fslchfiletype).", e.Message);
    }

    [Fact]
    public void Read_RefusesSingleClassAndEmptyDataset()
    {
        using var one = new TempFolder();
        one.Write("a/x.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        one.Write("a/y.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        using var none = new TempFolder();
        none.Write("a/notes.txt", [1]);

        var single = Assert.Throws<DatasetImportException>(() => new NiftiDatasetReader().Read(one.Path).ToList());
        var empty = Assert.Throws<DatasetImportException>(() => new NiftiDatasetReader().Read(none.Path).ToList());

        Assert.EndsWith(" has volumes in only one class ('a'); a classifier needs at least two.", single.Message);
        Assert.EndsWith(" holds no NIfTI volumes in class folders; the dataset is empty.", empty.Message);
    }

    [Fact]
    public void Read_CsvLabelOverridesFolderAndMustNameVolumes()
    {
        using var temp = new TempFolder();
        temp.Write("root.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        temp.Write("a/x.nii", NiftiReference.Bytes("n1-le-uint8.nii"));
        temp.Write("a/notes.txt", [1]);
        temp.Write("labels.csv", "file,patient_id,label\nroot.nii,P9,tumour\n"u8.ToArray());
        using var bad = new TempFolder();
        bad.Write("a/x.nii", NiftiReference.Bytes("n1-le-uint8.nii"));
        bad.Write("a/notes.txt", [1]);
        bad.Write("labels.csv", "file,patient_id\na/notes.txt,P1\n"u8.ToArray());

        var slices = new NiftiDatasetReader().Read(temp.Path).ToList();
        var e = Assert.Throws<DatasetImportException>(() => new NiftiDatasetReader().Read(bad.Path).ToList());

        Assert.Equal([("a", "a/x"), ("tumour", "P9")], slices.Select(s => (s.ClassName, s.PatientId)).Distinct().Order());
        Assert.Equal("a/notes.txt is listed in labels.csv but is not a NIfTI volume (.nii or .nii.gz).", e.Message);
    }

    [Fact]
    public void Constructor_RefusesAxisOutsideTheVolume()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NiftiDatasetReader(options: new NiftiOptions { Axis = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NiftiDatasetReader(options: new NiftiOptions { VolumeIndex = -1 }));
    }

    private static TempFolder WriteTwoClasses()
    {
        var temp = new TempFolder();
        foreach (var (path, fixture) in TwoClasses)
        {
            temp.Write(path, NiftiReference.Bytes(fixture));
        }

        temp.Write("healthy/h1.json", "{\"Modality\": \"MR\"}"u8.ToArray());
        temp.Write("labels.csv", "file,patient_id\nhealthy/h1.nii,H\n\"healthy/h2.nii\",H\n"u8.ToArray());
        return temp;
    }

    /// <summary>Each of nibabel's sample voxels sits where the documented orientation puts it, with its value within half a step.</summary>
    private static void AssertPixelsAreNibabelValues(NiftiReference.ExpectedFile expected, NiftiReference.ExpectedValues values, int axis,
        IReadOnlyList<ImportedSlice> slices)
    {
        var checkedVoxels = 0;
        foreach (var voxel in values.Voxels)
        {
            var (x, y, position) = NiftiReference.PixelOf(expected, axis, (int)voxel[0], (int)voxel[1], (int)voxel[2]);
            var slice = slices.SingleOrDefault(s => s.Metadata!.Position == position);
            if (slice is null)
            {
                continue;
            }

            var metadata = slice.Metadata!;
            var physical = slice.Image[x, y] * metadata.ValueScale!.Value + metadata.ValueOffset!.Value;
            Assert.Equal(voxel[3], physical, metadata.ValueScale!.Value / 2 + 1e-9 * Math.Abs(voxel[3]));
            checkedVoxels++;
        }

        // Voxel (5, 4, 3), one of nibabel's samples, is inside the mask and non-zero, so some slice always holds it.
        Assert.True(checkedVoxels >= 1, "none of nibabel's voxels fell in a kept slice");
    }

    private static void AssertMasksAreNibabelMask(NiftiReference.ExpectedFile expected, int axis, IReadOnlyList<ImportedSlice> slices)
    {
        var inMask = NiftiReference.Mask.Voxels.Select(v => NiftiReference.PixelOf(expected, axis, v[0], v[1], v[2])).ToHashSet();
        foreach (var slice in slices)
        {
            var mask = slice.Mask!;
            for (var y = 0; y < mask.Height; y++)
            {
                for (var x = 0; x < mask.Width; x++)
                {
                    Assert.Equal(inMask.Contains((x, y, slice.Metadata!.Position!.Value)), mask[x, y]);
                }
            }
        }
    }
}
