using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Imaging;

public class ImageResamplerTests
{
    [Fact]
    public void ResizeBilinear_UsesPixelCentresLikePyTorch()
    {
        // torch.nn.functional.interpolate([[0, 1], [2, 3]], size=4, mode="bilinear", align_corners=False)
        var result = ImageResampler.ResizeBilinear([0, 1, 2, 3], 2, 2, 4, 4);

        Assert.Equal([0f, 0.25f, 0.75f, 1f], result[..4]);
        Assert.Equal([0.5f, 0.75f, 1.25f, 1.5f], result[4..8]);
        Assert.Equal([2f, 2.25f, 2.75f, 3f], result[12..]);
    }

    [Fact]
    public void ResizeBilinear_HalvingAveragesPairs()
    {
        var result = ImageResampler.ResizeBilinear([0, 2, 4, 6, 0, 2, 4, 6], 4, 2, 2, 1);

        Assert.Equal([1f, 5f], result);
    }

    [Fact]
    public void ResizeBilinear_SameSizeCopies()
    {
        float[] source = [1, 2, 3, 4, 5, 6];

        var result = ImageResampler.ResizeBilinear(source, 3, 2, 3, 2);

        Assert.Equal(source, result);
        Assert.NotSame(source, result);
    }

    [Fact]
    public void ResizeNearest_KeepsMaskBinaryAndPlaced()
    {
        var mask = new BinaryMask(2, 2, [true, false, false, false]);

        var result = ImageResampler.ResizeNearest(mask, 4, 4);

        Assert.Equal(4, result.Area);
        Assert.True(result[0, 0] && result[1, 1]);
        Assert.False(result[2, 0]);
    }

    [Fact]
    public void ResizeBilinear_RejectsMismatchedSource()
    {
        Assert.Throws<ArgumentException>(() => ImageResampler.ResizeBilinear([1, 2, 3], 2, 2, 4, 4));
    }
}
