using SkiaSharp;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Imaging;

public sealed class SliceRendererTests
{
    private static readonly SliceImage Ramp = new(4, 4, Enumerable.Range(0, 16).Select(i => (ushort)(1000 + i * 100)).ToArray(), 12);

    [Fact]
    public void DisplayWindow_AutoStretchesTheSliceRangeToFullGray()
    {
        var gray = DisplayWindow.Auto(Ramp).Apply(Ramp);
        Assert.Equal(0, gray[0]);
        Assert.Equal(255, gray[^1]);
        Assert.Equal(Math.Round(7 * 255 / 15.0), gray[7]);
    }

    [Fact]
    public void DisplayWindow_CenterWidthClipsOutsideTheWindow()
    {
        var gray = DisplayWindow.FromCenterWidth(1500, 400).Apply(Ramp);
        Assert.Equal(0, gray[2]);
        Assert.Equal(128, gray[5]);
        Assert.Equal(255, gray[7]);
        Assert.Throws<ArgumentOutOfRangeException>(() => DisplayWindow.FromCenterWidth(0, 0));
    }

    [Fact]
    public void MaskContour_IsTheBoundaryOfTheMask()
    {
        var values = new bool[25];
        for (var y = 1; y <= 3; y++) for (var x = 1; x <= 3; x++) values[y * 5 + x] = true;
        var contour = MaskContour.Of(new BinaryMask(5, 5, values), 5, 5);
        Assert.Equal(8, contour.Count(c => c));
        Assert.False(contour[2 * 5 + 2]);
        Assert.True(contour[1 * 5 + 1]);
    }

    [Fact]
    public void RenderPng_DrawsGrayWithTheContourInColour()
    {
        var values = new bool[16];
        values[5] = values[6] = values[9] = values[10] = true;
        var png = SliceRenderer.RenderPng(Ramp, new BinaryMask(4, 4, values));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(4, bitmap.Width);
        Assert.Equal(new SKColor(0, 0, 0), bitmap.GetPixel(0, 0));
        Assert.Equal(new SKColor(0, 255, 0), bitmap.GetPixel(1, 1));
        Assert.Equal(new SKColor(255, 255, 255), bitmap.GetPixel(3, 3));
    }
}
