using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Images;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Datasets.Images;

public sealed class MaskConverterTests
{
    [Fact]
    public void FromImage_ThresholdsAtHalfRange()
    {
        var mask = MaskConverter.FromImage(new SliceImage(4, 1, [0, 127, 128, 255], 8));

        Assert.Equal([false, false, true, true], mask.Values);
    }

    [Fact]
    public void FitTo_ResamplesNearestToImageSize()
    {
        var mask = new BinaryMask(2, 2, [true, false, false, true]);

        var fitted = MaskConverter.FitTo(mask, 4, 4, allowResample: true, "m.png");

        Assert.Equal((4, 4), (fitted.Width, fitted.Height));
        Assert.True(fitted[0, 0] && fitted[1, 1] && fitted[3, 3]);
        Assert.False(fitted[3, 0] || fitted[0, 3]);
        Assert.Equal(8, fitted.Area);
    }

    [Fact]
    public void FitTo_RejectsOtherSizeWithoutResampling()
    {
        var e = Assert.Throws<DatasetImportException>(
            () => MaskConverter.FitTo(new BinaryMask(2, 2, new bool[4]), 4, 4, allowResample: false, "m.png"));

        Assert.Equal("Mask m.png is 2x2 but its image is 4x4; masks must have the image's size.", e.Message);
    }
}
