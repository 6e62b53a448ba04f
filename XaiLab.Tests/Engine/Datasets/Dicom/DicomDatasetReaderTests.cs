using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomDatasetReaderTests
{
    private const string Jpeg = "JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50) is compressed";

    private static IReadOnlyList<DicomExpectedFile> ExpectedSlices => DicomFixtures.Expected.Tree.Where(f => f.Physical is not null).ToList();

    [Fact]
    public void Read_TreeOfTwoClassesAndTwoSeries()
    {
        var notices = new ImportNotices();

        var slices = new DicomDatasetReader(notices: notices).Read(DicomFixtures.TreeFolder).ToList();

        Assert.Equal(
            ["ct/PAT-CT-1/series-1/IM0003", "ct/PAT-CT-1/series-1/IM0001", "ct/PAT-CT-1/series-1/IM0002",
             "mr/scan-b/series-2/b.dcm", "mr/scan-b/series-2/c.dcm", "mr/scan-b/series-2/a.dcm"],
            slices.Select(s => s.SourceName));
        Assert.Equal(["ct", "ct", "ct", "mr", "mr", "mr"], slices.Select(s => s.ClassName));
        Assert.Equal(["PAT-CT-1", "PAT-CT-1", "PAT-CT-1", "mr/scan-b/series-2", "mr/scan-b/series-2", "mr/scan-b/series-2"],
            slices.Select(s => s.PatientId));
        foreach (var slice in slices)
        {
            var expected = ExpectedSlices.Single(f => f.File == slice.SourceName);
            var metadata = slice.Metadata!;
            Assert.Equal((expected.Position, expected.Count, expected.SeriesUid), (metadata.Position, metadata.Count, metadata.Series));
            Assert.Equal((expected.WindowCenter, expected.WindowWidth), (metadata.WindowCenter, metadata.WindowWidth));
            Assert.Null(metadata.Axis);
            Assert.Null(slice.Mask);
            Assert.Equal((expected.Columns, expected.Rows, 16), (slice.Image.Width, slice.Image.Height, slice.Image.BitDepth));
            AssertStoredGivesPhysical(expected.Physical!, slice);
        }

        Assert.Equal(
            [new ImportNotice("ct/PAT-CT-2/series-9/IM0001.dcm", Jpeg),
             new ImportNotice("mr/scan-b/multi/frames", "multi-frame images (NumberOfFrames > 1) are not supported")],
            notices.Items);
    }

    [Fact]
    public void Read_MapsEachSeriesRangeOntoSixteenBitsWithMonochrome1Inverted()
    {
        var slices = new DicomDatasetReader().Read(DicomFixtures.TreeFolder).ToList();
        var ct = slices.Where(s => s.ClassName == "ct").ToList();
        var mr = slices.Where(s => s.ClassName == "mr").ToList();
        var ctPhysical = ct.SelectMany(s => ExpectedSlices.Single(f => f.File == s.SourceName).Physical!).ToList();

        // One scale for the whole series: the lowest value of one slice is 0, the highest of another 65535.
        Assert.Single(ct.Select(s => (s.Metadata!.ValueScale, s.Metadata.ValueOffset)).Distinct());
        Assert.Equal(ctPhysical.Min(), ct[0].Metadata!.ValueOffset);
        Assert.Equal((ctPhysical.Max() - ctPhysical.Min()) / 65535, ct[0].Metadata!.ValueScale!.Value, 1e-12);
        Assert.Equal(0, ct.Min(s => s.Image.Pixels.Min()));
        Assert.Equal(65535, ct.Max(s => s.Image.Pixels.Max()));
        Assert.NotEqual(65535, ct.Single(s => s.SourceName.EndsWith("IM0001", StringComparison.Ordinal)).Image.Pixels.Max());

        // MONOCHROME1: the highest physical value (displayed darkest) is stored as 0.
        foreach (var slice in mr)
        {
            var physical = ExpectedSlices.Single(f => f.File == slice.SourceName).Physical!;
            Assert.True(slice.Metadata!.ValueScale < 0);
            Assert.Equal(0, slice.Image.Pixels[Array.IndexOf(physical, physical.Max())]);
            Assert.Equal(65535, slice.Image.Pixels[Array.IndexOf(physical, physical.Min())]);
        }
    }

    [Fact]
    public void Read_PseudonymisesPatientsAndSeriesWithTheKeyedHash()
    {
        var options = new DicomOptions { Pseudonymise = true, PseudonymKey = DicomFixtures.Expected.PseudonymKey };

        var slices = new DicomDatasetReader(options: options).Read(DicomFixtures.TreeFolder).ToList();

        foreach (var slice in slices)
        {
            var expected = ExpectedSlices.Single(f => f.File == slice.SourceName);
            Assert.Equal(expected.PatientPseudonym, slice.PatientId);
            Assert.Equal(expected.SeriesPseudonym, slice.Metadata!.Series);
            Assert.Matches("^[0-9a-f]{16}$", slice.PatientId);
        }

        Assert.DoesNotContain(slices, s => s.PatientId.Contains("PAT-CT", StringComparison.Ordinal) || s.PatientId.Contains("scan-b", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OutputHoldsNoIdentifyingAttribute()
    {
        foreach (var options in new[] { DicomOptions.Default, new DicomOptions { Pseudonymise = true, PseudonymKey = "k" } })
        {
            var notices = new ImportNotices();
            var slices = new DicomDatasetReader(options: options, notices: notices).Read(DicomFixtures.TreeFolder).ToList();
            var text = string.Join("\n", slices.Select(s => $"{s} {s.Metadata}").Concat(notices.Summary()));

            // PatientSex ("F") is too short to look for as a substring; the rest are not.
            foreach (var value in DicomFixtures.Expected.Identifying.Values.Where(v => v.Length > 1))
            {
                Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Read_FailsNamingTheSyntaxWhenEveryFileIsLeftOut()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.dcm", DicomFixtures.Bytes("jpeg-baseline.dcm"));
        temp.Write("b/s/y", DicomFixtures.Bytes("jpeg-baseline.dcm"));
        var notices = new ImportNotices();

        var e = Assert.Throws<DatasetImportException>(() => new DicomDatasetReader(notices: notices).Read(temp.Path).ToList());

        Assert.EndsWith($" has no DICOM file the importer can read; 2 left out: {Jpeg} (first: a/x.dcm).", e.Message);
        Assert.Equal([$"2 files skipped: {Jpeg} (first: a/x.dcm)"], notices.Summary());
    }

    [Fact]
    public void Read_RejectsNonDicomFileInClassFolderButSkipsRootFilesAndDicomdir()
    {
        using var temp = new TempFolder();
        temp.Write("README.txt", "not DICOM"u8.ToArray());
        temp.Write("a/DICOMDIR", "not DICOM either"u8.ToArray());
        temp.Write("a/x.dcm", DicomFixtures.Bytes("explicit-le-mr-uint16.dcm"));
        temp.Write("b/y.dcm", DicomFixtures.Bytes("explicit-le-int8.dcm"));
        var reader = new DicomDatasetReader();

        Assert.Equal(["a/x.dcm", "b/y.dcm"], reader.Read(temp.Path).Select(s => s.SourceName));

        temp.Write("b/notes.txt", "not DICOM"u8.ToArray());
        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());
        Assert.Equal("b/notes.txt is not a DICOM file (no 'DICM' marker at byte 128; expected DICOM Part 10 files in the class folders).", e.Message);
    }

    [Fact]
    public void Read_RejectsDamagedFileNamingItsPath()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.dcm", DicomFixtures.Bytes("explicit-le-mr-uint16.dcm"));
        temp.Write("b/s1/y", DicomFixtures.Bytes("explicit-le-int8.dcm")[..^5]);

        var e = Assert.Throws<DatasetImportException>(() => new DicomDatasetReader().Read(temp.Path).ToList());

        Assert.Equal("b/s1/y is truncated: it ends inside PixelData, which declares 48 bytes.", e.Message);
    }

    [Fact]
    public void Read_LeavesOutFilesWithoutPixelData()
    {
        using var temp = new TempFolder();
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        temp.Write("a/x.dcm", bytes);
        temp.Write("a/report.dcm", bytes[..DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x7FE0_0010, "OW")]);
        temp.Write("b/y.dcm", DicomFixtures.Bytes("explicit-le-int8.dcm"));
        var notices = new ImportNotices();

        var slices = new DicomDatasetReader(notices: notices).Read(temp.Path).ToList();

        Assert.Equal(["a/x.dcm", "b/y.dcm"], slices.Select(s => s.SourceName));
        Assert.Equal([new ImportNotice("a/report.dcm", "no PixelData (7FE0,0010), not an image")], notices.Items);
    }

    [Fact]
    public void Read_RejectsSingleClassAndEmptyDataset()
    {
        using var one = new TempFolder();
        one.Write("a/x.dcm", DicomFixtures.Bytes("explicit-le-mr-uint16.dcm"));
        one.Write("a/y.dcm", DicomFixtures.Bytes("explicit-le-int8.dcm"));
        using var empty = new TempFolder();
        empty.Write("README.txt", [1]);

        Assert.EndsWith(" has DICOM images in only one class ('a'); a classifier needs at least two.",
            Assert.Throws<DatasetImportException>(() => new DicomDatasetReader().Read(one.Path).ToList()).Message);
        Assert.EndsWith(" holds no DICOM files in class folders; the dataset is empty.",
            Assert.Throws<DatasetImportException>(() => new DicomDatasetReader().Read(empty.Path).ToList()).Message);
    }

    [Fact]
    public void Read_TakesAFolderPatientAndSeriesWhenTheFileHasNone()
    {
        using var temp = new TempFolder();
        var bytes = DicomFixtures.Bytes("explicit-le-mr-uint16.dcm");
        var patientId = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0010_0020, "LO");
        var seriesUid = DicomFixtures.ExplicitLittleEndianOffset(bytes, 0x0020_000E, "UI");
        // Blank both values (Type 2 left empty): spaces and NULs, which read as absent.
        bytes.AsSpan(patientId + 8, bytes[patientId + 6]).Fill((byte)' ');
        bytes.AsSpan(seriesUid + 8, bytes[seriesUid + 6]).Clear();
        temp.Write("a/p1/s1/x", bytes);
        temp.Write("a/p2/s1/x", bytes);
        temp.Write("b/y.dcm", DicomFixtures.Bytes("explicit-le-int8.dcm"));

        var slices = new DicomDatasetReader().Read(temp.Path).ToList();

        Assert.Equal(["a/p1/s1", "a/p2/s1", "PID-INT8"], slices.Select(s => s.PatientId));
        Assert.Equal(["a/p1/s1", "a/p2/s1", DicomFixtures.ExpectedFile("explicit-le-int8.dcm").SeriesUid], slices.Select(s => s.Metadata!.Series));
        Assert.All(slices, s => Assert.Equal((0, 1), (s.Metadata!.Position, s.Metadata.Count)));
    }

    [Fact]
    public void Constructor_RefusesPseudonymisingWithoutKey()
    {
        var e = Assert.Throws<ArgumentException>(() => new DicomDatasetReader(options: new DicomOptions { Pseudonymise = true }));

        Assert.StartsWith("Pseudonymise needs a PseudonymKey", e.Message);
    }

    [Fact]
    public void HasDicomFiles_ByMarkerNotByName()
    {
        using var dicom = new TempFolder();
        dicom.Write("a/s/IM1", DicomFixtures.Bytes("explicit-le-mr-uint16.dcm"));
        using var other = new TempFolder();
        other.Write("a/s/IM1", new byte[200]);
        other.Write("a/s/x.dcm", "DICM"u8.ToArray());

        using var dicomTree = XaiLab.Engine.Datasets.Sources.DatasetFileTree.Open(dicom.Path);
        using var otherTree = XaiLab.Engine.Datasets.Sources.DatasetFileTree.Open(other.Path);

        Assert.True(DicomDatasetReader.HasDicomFiles(dicomTree));
        Assert.False(DicomDatasetReader.HasDicomFiles(otherTree));
    }

    /// <summary>Each stored sample, through the slice's scale and offset, is pydicom's physical value to within half a step.</summary>
    private static void AssertStoredGivesPhysical(double[] physical, ImportedSlice slice)
    {
        var scale = slice.Metadata!.ValueScale!.Value;
        var offset = slice.Metadata.ValueOffset!.Value;
        Assert.Equal(physical.Length, slice.Image.Pixels.Length);
        for (var i = 0; i < physical.Length; i++)
        {
            Assert.Equal(physical[i], slice.Image.Pixels[i] * scale + offset, Math.Abs(scale) / 2 + 1e-9);
        }
    }
}
