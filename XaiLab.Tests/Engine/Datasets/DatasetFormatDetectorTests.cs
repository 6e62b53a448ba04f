using XaiLab.Engine.Datasets;
using XaiLab.Tests.Engine.Datasets.Figshare;

namespace XaiLab.Tests.Engine.Datasets;

public sealed class DatasetFormatDetectorTests
{
    [Fact]
    public void Detect_FixturesByFolderAndZip()
    {
        Assert.Equal(DatasetFormat.Figshare, DatasetFormatDetector.Detect(DatasetFixtures.FigshareFolder));
        Assert.Equal(DatasetFormat.Figshare, DatasetFormatDetector.Detect(DatasetFixtures.FigshareZip));
        Assert.Equal(DatasetFormat.CovidRadiography, DatasetFormatDetector.Detect(DatasetFixtures.CovidFolder));
    }

    [Fact]
    public void Detect_NestedFigshareZipAndCovidZip()
    {
        using var temp = new TempFolder();
        var nested = temp.Zip("all.zip", ("brainTumorDataPublic_1-6.zip", File.ReadAllBytes(DatasetFixtures.FigshareZip)));
        var covid = temp.ZipFolder("covid.zip", DatasetFixtures.CovidFolder, "COVID-19_Radiography_Dataset/");

        Assert.Equal(DatasetFormat.Figshare, DatasetFormatDetector.Detect(nested));
        Assert.Equal(DatasetFormat.CovidRadiography, DatasetFormatDetector.Detect(covid));
    }

    [Fact]
    public void Detect_FlatCovidLayoutAndGenericImageFolder()
    {
        using var flat = new TempFolder();
        flat.Write("COVID/COVID-1.png", TestImages.Gray8(2, 2, (x, y) => 0));
        flat.Write("Normal/Normal-1.png", TestImages.Gray8(2, 2, (x, y) => 0));
        using var generic = new TempFolder();
        generic.Write("glioma/a.png", TestImages.Gray8(2, 2, (x, y) => 0));
        generic.Write("normal/b.jpg", [0xFF, 0xD8]);

        Assert.Equal(DatasetFormat.CovidRadiography, DatasetFormatDetector.Detect(flat.Path));
        Assert.Equal(DatasetFormat.ImageFolder, DatasetFormatDetector.Detect(generic.Path));
    }

    [Fact]
    public void Detect_DicomFilesByTheirMarkerWithOrWithoutExtension()
    {
        using var temp = new TempFolder();
        var zip = temp.ZipFolder("dicom.zip", Dicom.DicomFixtures.TreeFolder, "upload/");

        Assert.Equal(DatasetFormat.Dicom, DatasetFormatDetector.Detect(Dicom.DicomFixtures.TreeFolder));
        Assert.Equal(DatasetFormat.Dicom, DatasetFormatDetector.Detect(zip));
    }

    [Fact]
    public void Detect_NiftiVolumesAndAnalyzePairs()
    {
        using var volumes = new TempFolder();
        volumes.Write("glioma/p1.nii.gz", [1]);
        volumes.Write("glioma/p1.json", [1]);
        volumes.Write("normal/preview.png", TestImages.Gray8(2, 2, (x, y) => 0));
        using var pair = new TempFolder();
        pair.Write("a/x.hdr", [1]);
        pair.Write("a/x.img", [1]);
        using var strayHeader = new TempFolder();
        strayHeader.Write("a/x.png", TestImages.Gray8(2, 2, (x, y) => 0));
        strayHeader.Write("a/notes.hdr", [1]);

        Assert.Equal(DatasetFormat.Nifti, DatasetFormatDetector.Detect(volumes.Path));
        Assert.Equal(DatasetFormat.Nifti, DatasetFormatDetector.Detect(pair.Path));
        Assert.Equal(DatasetFormat.ImageFolder, DatasetFormatDetector.Detect(strayHeader.Path));
    }

    [Fact]
    public void Detect_RejectsFolderWithoutDatasetFiles()
    {
        using var temp = new TempFolder();
        temp.Write("notes/readme.txt", [1]);
        temp.Write("notes/IM0001", new byte[200]);

        var e = Assert.Throws<DatasetImportException>(() => DatasetFormatDetector.Detect(temp.Path));

        Assert.EndsWith(" holds no .mat files and no images; cannot tell its format.", e.Message);
    }

    [Fact]
    public void Detect_RejectsMixOfMatFilesAndImages()
    {
        using var temp = new TempFolder();
        var zip = temp.Zip("mix.zip", ("1.mat", new MatFileBuilder().Build()), ("a/x.png", TestImages.Gray8(2, 2, (x, y) => 0)));

        var e = Assert.Throws<DatasetImportException>(() => DatasetFormatDetector.Detect(zip));

        Assert.Equal("mix.zip mixes .mat files or archives with images (a/x.png); upload one dataset at a time.", e.Message);
    }

    [Fact]
    public void Detect_RejectsMissingPathAndOtherFiles()
    {
        using var temp = new TempFolder();
        var rar = temp.Write("data.rar", [1]);

        Assert.Equal("'data.rar' is neither a folder nor a .zip archive.", Assert.Throws<DatasetImportException>(() => DatasetFormatDetector.Detect(rar)).Message);
        Assert.StartsWith("Dataset path '", Assert.Throws<DatasetImportException>(() => DatasetFormatDetector.Detect(rar + ".gone")).Message);
    }
}
