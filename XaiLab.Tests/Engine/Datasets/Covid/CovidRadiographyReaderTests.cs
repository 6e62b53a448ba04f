using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Covid;

namespace XaiLab.Tests.Engine.Datasets.Covid;

public sealed class CovidRadiographyReaderTests
{
    private readonly CovidRadiographyReader reader = new();

    [Fact]
    public void Read_PaperPresetGivesThreeClassesWithMasksResizedToImages()
    {
        var slices = reader.Read(DatasetFixtures.CovidFolder, CovidClassPresets.Paper).ToList();

        Assert.Equal(9, slices.Count);
        Assert.Equal(["COVID", "Lung_Opacity", "Normal"], slices.Select(s => s.ClassName).Distinct().Order());
        Assert.All(slices, s =>
        {
            Assert.Equal((299, 299, 8), (s.Image.Width, s.Image.Height, s.Image.BitDepth));
            Assert.NotNull(s.Mask);
            Assert.Equal((299, 299), (s.Mask.Width, s.Mask.Height));
            Assert.True(s.Mask.Area > 0);
            Assert.Equal(Path.GetFileNameWithoutExtension(s.SourceName), s.PatientId);
        });
        Assert.Contains(slices, s => s.SourceName == "COVID/images/COVID-2.png");
    }

    [Fact]
    public void Read_AllClassesFromZipWithTopFolder()
    {
        using var temp = new TempFolder();
        var zip = temp.ZipFolder("covid.zip", DatasetFixtures.CovidFolder, "COVID-19_Radiography_Dataset/");

        var slices = reader.Read(zip).ToList();

        Assert.Equal(12, slices.Count);
        Assert.Contains(slices, s => s.ClassName == "Viral Pneumonia");
    }

    [Fact]
    public void Read_FlatLayoutWithRgbImagesAndNoMasks()
    {
        using var temp = new TempFolder();
        temp.Write("COVID/COVID-1.png", TestImages.Png(4, 3, 8, 2, (x, y) => [200, 100, 50]));
        temp.Write("Normal/Normal-1.png", TestImages.Gray8(4, 3, (x, y) => x + 10 * y));
        temp.Write("Normal.metadata.xlsx", [1]);

        var slices = reader.Read(temp.Path).ToList();

        Assert.Equal(2, slices.Count);
        Assert.All(slices, s => Assert.Null(s.Mask));
        Assert.All(slices[0].Image.Pixels, p => Assert.Equal(124, p));
        Assert.Equal(21, slices[1].Image[1, 2]);
    }

    [Fact]
    public void Read_RejectsMissingClass()
    {
        var e = Assert.Throws<DatasetImportException>(() => reader.Read(DatasetFixtures.CovidFolder, ["COVID", "Pneumothorax"]).ToList());

        Assert.Equal(
            "COVID-19_Radiography_Dataset: class folder(s) 'Pneumothorax' not found (found: COVID, Lung_Opacity, Normal, Viral Pneumonia).",
            e.Message);
    }

    [Fact]
    public void Read_RejectsSingleClass()
    {
        var e = Assert.Throws<DatasetImportException>(() => reader.Read(DatasetFixtures.CovidFolder, ["COVID"]).ToList());

        Assert.Equal("COVID-19_Radiography_Dataset has images in only one class ('COVID'); a classifier needs at least two.", e.Message);
    }

    [Fact]
    public void Read_RejectsEmptyDataset()
    {
        using var temp = new TempFolder();
        temp.Write("COVID/images/readme.md", [1]);
        temp.Write("Normal/masks/x.png", TestImages.Gray8(2, 2, (x, y) => 0));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path, ["Normal"]).ToList());

        Assert.EndsWith(" holds no images in the selected class folders; the dataset is empty.", e.Message);
    }

    [Fact]
    public void Read_RejectsNonImageInImagesFolder()
    {
        using var temp = new TempFolder();
        temp.Write("COVID/images/COVID-1.png", TestImages.Gray8(2, 2, (x, y) => 0));
        temp.Write("COVID/images/notes.txt", [1]);
        temp.Write("Normal/images/Normal-1.png", TestImages.Gray8(2, 2, (x, y) => 0));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("COVID/images/notes.txt is not an image (expected PNG, JPEG, BMP or TIFF in COVID/images/).", e.Message);
    }

    [Fact]
    public void Read_RejectsPngWithImageContentThatIsNotAnImage()
    {
        using var temp = new TempFolder();
        temp.Write("COVID/images/COVID-1.png", "<html>not found</html>"u8.ToArray());
        temp.Write("Normal/images/Normal-1.png", TestImages.Gray8(2, 2, (x, y) => 0));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("COVID/images/COVID-1.png is not a PNG, JPEG, BMP or TIFF image (unrecognised or truncated header).", e.Message);
    }

    [Fact]
    public void Read_RejectsMaskWithOtherAspectRatio()
    {
        using var temp = new TempFolder();
        temp.Write("COVID/images/COVID-1.png", TestImages.Gray8(8, 8, (x, y) => 0));
        temp.Write("COVID/masks/COVID-1.png", TestImages.Gray8(8, 4, (x, y) => 255));
        temp.Write("Normal/images/Normal-1.png", TestImages.Gray8(8, 8, (x, y) => 0));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("Mask COVID/masks/COVID-1.png is 8x4 but its image is 8x8 (aspect ratios differ, so it cannot be resized).", e.Message);
    }
}
