using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Figshare;

namespace XaiLab.Tests.Engine.Datasets.Figshare;

public sealed class FigshareMatReaderTests
{
    private readonly FigshareMatReader reader = new();

    [Fact]
    public void Read_FixturesGiveImageMaskLabelAndPatient()
    {
        var slices = Directory.GetFiles(DatasetFixtures.FigshareFolder, "*.mat").Order().Select(reader.Read).ToList();

        Assert.Equal(6, slices.Count);
        Assert.All(slices, s =>
        {
            Assert.Contains(s.Image.Width, new[] { 256, 512 });
            Assert.Equal(s.Image.Width, s.Image.Height);
            Assert.Equal(16, s.Image.BitDepth);
            Assert.Equal((s.Image.Width, s.Image.Height), (s.Mask.Width, s.Mask.Height));
            Assert.True(s.Mask.Area > 0);
            Assert.Equal(24, s.Border.HitsAsColumnRow + s.Border.HitsAsRowColumn > 0 ? s.Border.Points.Count : -1);
        });
        Assert.Single(slices, s => s.Image.Width == 256);
        Assert.Equal(["meningioma", "glioma", "pituitary", "meningioma", "glioma", "pituitary"], slices.Select(s => s.ClassName));
        Assert.Equal(["100360", "105459", "112649", "MR040237"], slices.Select(s => s.PatientId).Distinct().Order());
    }

    [Fact]
    public void Read_DerivesBorderAxisOrderFromMask()
    {
        var slices = Directory.GetFiles(DatasetFixtures.FigshareFolder, "*.mat").Select(reader.Read).ToList();

        Assert.All(slices, s => Assert.Equal(BorderAxisOrder.ColumnRow, s.Border.Order));
        Assert.All(slices, s => Assert.True(s.Border.HitsAsColumnRow == 24 && s.Border.HitsAsRowColumn <= 4, $"{s.SourceName}: {s.Border}"));
        var first = slices[0];
        Assert.All(first.Border.Points, p => Assert.InRange(p.X, 0, first.Image.Width - 1));
    }

    [Fact]
    public void Read_TransposesColumnMajorMatlabArrays()
    {
        var image = new short[3, 5];
        image[1, 4] = 700;
        image[2, 0] = 9;
        var mask = new byte[3, 5];
        mask[0, 3] = 1;

        var slice = reader.Read(new MemoryStream(new MatFileBuilder { Image = image, Mask = mask }.Build()), "t.mat");

        Assert.Equal((5, 3), (slice.Image.Width, slice.Image.Height));
        Assert.Equal(700, slice.Image[4, 1]);
        Assert.Equal(9, slice.Image[0, 2]);
        Assert.True(slice.Mask[3, 0]);
        Assert.Equal(1, slice.Mask.Area);
    }

    [Fact]
    public void Read_DerivesColumnRowOrderWhenBorderIsWrittenThatWay()
    {
        var mask = new byte[20, 30];
        for (var r = 2; r < 8; r++)
        {
            for (var c = 10; c < 25; c++)
            {
                mask[r, c] = 1;
            }
        }

        // 1-based (column, row) vertices on the rectangle's outline.
        double[] border = [11, 3, 25, 3, 25, 8, 11, 8, 18, 3];
        var slice = reader.Read(new MemoryStream(new MatFileBuilder { Image = new short[20, 30], Mask = mask, Border = border }.Build()), "t.mat");

        Assert.Equal(BorderAxisOrder.ColumnRow, slice.Border.Order);
        Assert.Equal(new BorderPoint(10, 2), slice.Border.Points[0]);
    }

    [Fact]
    public void Read_ClampsNegativeSamplesAndCountsThem()
    {
        var image = new short[2, 2] { { -5, 3 }, { -1, 1000 } };

        var slice = reader.Read(new MemoryStream(new MatFileBuilder { Image = image }.Build()), "t.mat");

        Assert.Equal(2, slice.ClampedNegativeCount);
        Assert.Equal(new ushort[] { 0, 3, 0, 1000 }, slice.Image.Pixels);
    }

    [Fact]
    public void Read_RejectsNegativeSamplesUnderRejectPolicy()
    {
        var strict = new FigshareMatReader(negativePolicy: NegativeIntensityPolicy.Reject);
        var data = new MatFileBuilder { Image = new short[2, 2] { { -5, 3 }, { 0, 0 } } }.Build();

        var e = Assert.Throws<DatasetImportException>(() => strict.Read(new MemoryStream(data), "neg.mat"));

        Assert.Equal("neg.mat: cjdata.image has negative values (first: -5), and negative intensities are set to be rejected.", e.Message);
    }

    [Fact]
    public void Read_RejectsFileWithoutCjdata()
    {
        var data = new MatFileBuilder { IncludeCjdata = false }.Build();

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(data), "cvind.mat"));

        Assert.Equal("cvind.mat is not a figshare brain-tumour file: no cjdata struct (found: other).", e.Message);
    }

    [Fact]
    public void Read_RejectsNonHdf5File()
    {
        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(new byte[2048]), "v5.mat"));

        Assert.StartsWith("v5.mat is not a MATLAB v7.3 (HDF5) file", e.Message);
    }

    [Fact]
    public void Read_RefusesAFieldDeclaredLargerThanASliceCanBe_BeforeReadingIt()
    {
        // PureHDF writes the declared space out (h5py leaves unwritten chunks out, so the probe's file was 283 KB for
        // 30000x30000): 1000x1000 keeps the fixture at 8 MB; the check reads only the header's dimensions either way.
        var data = new MatFileBuilder { DeclaredLabelDimensions = [1000, 1000] }.Build();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(data, writable: false), "bomb.mat"));

        Assert.Contains("cjdata.label declares 1000x1000 elements, more than the 16", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 4_000_000, "refused from the header, before the 8 MB field is read");
    }

    [Fact]
    public void Read_RejectsUnknownLabel()
    {
        var data = new MatFileBuilder { Label = 4 }.Build();

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(data), "x.mat"));

        Assert.Equal("x.mat: cjdata.label is 4; it must be 1 (meningioma), 2 (glioma) or 3 (pituitary).", e.Message);
    }

    [Fact]
    public void Read_RejectsMaskOfWrongShape()
    {
        var data = new MatFileBuilder { Image = new short[3, 5], Mask = new byte[5, 3] }.Build();

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(data), "x.mat"));

        Assert.Equal("x.mat: cjdata.tumorMask is 3x5 but cjdata.image is 5x3.", e.Message);
    }

    [Fact]
    public void Read_RejectsImageLargerThanLimitBeforeReadingIt()
    {
        var small = new FigshareMatReader(new ImportLimits { MaxImageSide = 4 });
        var data = new MatFileBuilder { Image = new short[3, 5] }.Build();

        var e = Assert.Throws<DatasetImportException>(() => small.Read(new MemoryStream(data), "x.mat"));

        Assert.Equal("x.mat: cjdata.image is 5x3; each side must be between 1 and 4.", e.Message);
    }

    [Fact]
    public void Read_RejectsOddBorderLength()
    {
        var data = new MatFileBuilder { Border = [1, 2, 3] }.Build();

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(data), "x.mat"));

        Assert.Equal("x.mat: tumorBorder has 3 values; it must hold x,y pairs.", e.Message);
    }

    [Fact]
    public void Read_RejectsEmptyPatientId()
    {
        var data = new MatFileBuilder { PatientId = "  " }.Build();

        var e = Assert.Throws<DatasetImportException>(() => reader.Read(new MemoryStream(data), "x.mat"));

        Assert.Equal("x.mat: cjdata.PID is empty.", e.Message);
    }
}
