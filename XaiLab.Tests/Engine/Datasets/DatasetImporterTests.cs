using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Nifti;
using XaiLab.Tests.Engine.Datasets.Figshare;
using XaiLab.Tests.Engine.Datasets.Nifti;

namespace XaiLab.Tests.Engine.Datasets;

public sealed class DatasetImporterTests
{
    [Fact]
    public void Read_AutoDetectsAndStreamsEachFixture()
    {
        var figshare = DatasetImporter.Read(DatasetFixtures.FigshareZip).ToList();
        var covid = DatasetImporter.Read(DatasetFixtures.CovidFolder).ToList();

        Assert.Equal(6, figshare.Count);
        Assert.Equal(["glioma", "meningioma", "pituitary"], figshare.Select(s => s.ClassName).Distinct().Order());
        Assert.Equal(9, covid.Count);
    }

    [Fact]
    public void Read_StreamsSlicesBeforeReadingLaterFiles()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("s.zip", ("1.mat", new MatFileBuilder { Label = 1 }.Build()), ("2.mat", [1, 2, 3]));
        using var slices = DatasetImporter.Read(zip).GetEnumerator();

        Assert.True(slices.MoveNext());
        Assert.Equal("1.mat", slices.Current.SourceName);
        var e = Assert.Throws<DatasetImportException>(() => slices.MoveNext());
        Assert.StartsWith("2.mat is not a MATLAB v7.3 (HDF5) file", e.Message);
    }

    [Fact]
    public void Read_DetectsNiftiAndPassesItsOptionsAndNotices()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.nii", NiftiReference.Bytes("n1-le-int16.nii"));
        temp.Write("b/y.nii.gz", NiftiReference.Bytes("n1-le-int16-extension.nii.gz"));
        temp.Write("b/y.json", [1]);
        var notices = new ImportNotices();
        var options = new ImportOptions { Nifti = new NiftiOptions { Axis = 0, Slices = NiftiSliceSelection.All }, Notices = notices };

        var slices = DatasetImporter.Read(temp.Path, options).ToList();

        Assert.Equal(24, slices.Count);
        Assert.All(slices, s => Assert.Equal((10, 6, 0), (s.Image.Width, s.Image.Height, s.Metadata!.Axis)));
        Assert.Equal(["b/y.json"], notices.Items.Select(n => n.File));
    }

    [Fact]
    public void Read_RejectsFigshareUploadWithOneClass()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("one.zip", ("1.mat", new MatFileBuilder { Label = 1 }.Build()), ("2.mat", new MatFileBuilder { Label = 1 }.Build()));

        var e = Assert.Throws<DatasetImportException>(() => DatasetImporter.Read(zip).ToList());

        Assert.Equal("one.zip has slices of only one class ('meningioma'); a classifier needs at least two.", e.Message);
    }

    [Fact]
    public void Read_RejectsFigshareUploadWithNoSlices()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("empty.zip", ("cvind.mat", new MatFileBuilder { IncludeCjdata = false }.Build()));

        var e = Assert.Throws<DatasetImportException>(() => DatasetImporter.Read(zip).ToList());

        Assert.Equal("empty.zip holds no slices; the dataset is empty.", e.Message);
    }

    [Fact]
    public void Read_DicomZipAutoDetectedWithNoticesForTheFilesLeftOut()
    {
        using var temp = new TempFolder();
        var zip = temp.ZipFolder("dicom.zip", Dicom.DicomFixtures.TreeFolder, "upload/");
        var notices = new ImportNotices();

        var slices = DatasetImporter.Read(zip, ImportOptions.Default with { Notices = notices }).ToList();

        Assert.Equal(6, slices.Count);
        Assert.Equal(["ct", "mr"], slices.Select(s => s.ClassName).Distinct());
        Assert.Equal([0, 1, 2, 0, 1, 2], slices.Select(s => s.Metadata!.Position!.Value));
        Assert.Equal(
            ["1 file skipped: JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50) is compressed (first: ct/PAT-CT-2/series-9/IM0001.dcm)",
             "1 file skipped: multi-frame images (NumberOfFrames > 1) are not supported (first: mr/scan-b/multi/frames)"],
            notices.Summary());
    }
}
