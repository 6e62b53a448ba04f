using SkiaSharp;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.ImageFolder;

namespace XaiLab.Tests.Engine.Datasets.ImageFolder;

public sealed class ImageFolderReaderTests
{
    private readonly ImageFolderReader reader = new();

    [Fact]
    public void Read_ClassFoldersWithMixedFormatsMasksAndPatientCsv()
    {
        using var temp = new TempFolder();
        temp.Write("glioma/a.png", TestImages.Png(3, 2, 16, 0, (x, y) => [40000 + x]));
        temp.Write("glioma/deep/b.tif", TestImages.Tiff(3, 2, 16, (x, y) => 1000 * y));
        temp.Write("normal/c.jpg", Jpeg(3, 2));
        temp.Write("masks/glioma/a.png", TestImages.Gray8(3, 2, (x, y) => x == 1 ? 255 : 0));
        temp.Write("labels.csv", "file,patient_id\nglioma/a.png,P1\n\"glioma/deep/b.tif\",P1\n"u8.ToArray());

        var slices = reader.Read(temp.Path).ToList();

        Assert.Equal(["glioma/a.png", "glioma/deep/b.tif", "normal/c.jpg"], slices.Select(s => s.SourceName));
        Assert.Equal(["glioma", "glioma", "normal"], slices.Select(s => s.ClassName));
        Assert.Equal(["P1", "P1", "c"], slices.Select(s => s.PatientId));
        Assert.Equal((16, 40002), (slices[0].Image.BitDepth, (int)slices[0].Image[2, 0]));
        Assert.Equal(1000, slices[1].Image[0, 1]);
        Assert.Equal(8, slices[2].Image.BitDepth);
        Assert.Equal([false, true, false, false, true, false], slices[0].Mask!.Values);
        Assert.Null(slices[1].Mask);
    }

    [Fact]
    public void Read_CsvLabelOverridesFolder()
    {
        using var temp = new TempFolder();
        temp.Write("x.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("a/y.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("labels.csv", "file,patient_id,label\nx.png,P9,tumour\n"u8.ToArray());

        var slices = reader.Read(temp.Path).ToList();

        Assert.Equal([("a", "y"), ("tumour", "P9")], slices.Select(s => (s.ClassName, s.PatientId)).Order());
    }

    [Fact]
    public void Read_RejectsNonImageInClassFolder()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("b/notes.docx", [1]);

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("b/notes.docx is not an image (expected PNG, JPEG, BMP or TIFF in the class folders).", e.Message);
    }

    [Fact]
    public void Read_RejectsAbsurdDimensionsFromHeaderBeforeDecoding()
    {
        using var temp = new TempFolder();
        var header = TestImages.Gray8(1, 1, (x, y) => 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), 100_000);
        temp.Write("a/huge.png", header);
        temp.Write("b/x.png", TestImages.Gray8(2, 2, (x, y) => 1));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("a/huge.png declares 100000x100000 pixels; each side must be between 1 and 8192.", e.Message);
    }

    [Fact]
    public void Read_RejectsMaskOfWrongShape()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", TestImages.Gray8(4, 4, (x, y) => 1));
        temp.Write("masks/a/x.png", TestImages.Gray8(2, 2, (x, y) => 255));
        temp.Write("b/y.png", TestImages.Gray8(2, 2, (x, y) => 1));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("Mask masks/a/x.png is 2x2 but its image is 4x4; masks must have the image's size.", e.Message);
    }

    [Fact]
    public void Read_RejectsCsvWithWrongHeader()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("labels.csv", "path,patient\n"u8.ToArray());

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("labels.csv: the header must be 'file,patient_id' or 'file,patient_id,label' (found 'path,patient').", e.Message);
    }

    [Fact]
    public void Read_RejectsCsvListingMissingFile()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("b/y.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("labels.csv", "file,patient_id\na/gone.png,P1\n"u8.ToArray());

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal("labels.csv lists files that are not in the dataset: a/gone.png.", e.Message);
    }

    [Theory]
    [InlineData("file,patient_id\na/x.png\n", "labels.csv line 2: expected 2 non-empty fields (file,patient_id), found 'a/x.png'.")]
    [InlineData("file,patient_id\na/x.png,\n", "labels.csv line 2: expected 2 non-empty fields (file,patient_id), found 'a/x.png,'.")]
    [InlineData("file,patient_id\na/x.png,P1\na/x.png,P2\n", "labels.csv line 3: 'a/x.png' is listed twice.")]
    public void Read_RejectsMalformedCsvRows(string csv, string message)
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("b/y.png", TestImages.Gray8(2, 2, (x, y) => 1));
        temp.Write("labels.csv", System.Text.Encoding.UTF8.GetBytes(csv));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Read_RejectsSingleClass()
    {
        using var temp = new TempFolder();
        temp.Write("a/x.png", TestImages.Gray8(2, 2, (x, y) => 1));

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.EndsWith(" has images in only one class ('a'); a classifier needs at least two.", e.Message);
    }

    [Fact]
    public void Read_RejectsEmptyDataset()
    {
        using var temp = new TempFolder();
        temp.Write("README.txt", [1]);

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(temp.Path).ToList());

        Assert.EndsWith(" holds no images in class folders; the dataset is empty.", e.Message);
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(90, 90, 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }
}
