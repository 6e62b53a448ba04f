using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;

namespace XaiLab.Tests.Engine.Attribution;

public sealed class SignedRenderingTests
{
    [Fact]
    public void SignedDisplayValues_KeepTheSignOnTheAbsoluteScale()
    {
        // Two channels summed: -2, 0, 1, 4 per pixel; a ceiling of 2 puts them at -1, 0, 0.5 and clips 2 to 1.
        var map = new AttributionMap([-1f, 0f, 0.5f, 2f, -1f, 0f, 0.5f, 2f], 2, 2, 2);

        var signed = SaliencyRenderer.SignedDisplayValues(map, ceiling: 2);
        var absolute = SaliencyRenderer.DisplayValues(map, ceiling: 2);

        Assert.Equal([-1f, 0f, 0.5f, 1f], signed);
        Assert.Equal([1f, 0f, 0.5f, 1f], absolute);
    }

    [Fact]
    public void SignedOverlay_DrawsNegativeBlueAndPositiveRedOnTheDivergingColormap()
    {
        var image = new XaiLab.Engine.Imaging.SliceImage(2, 1, new ushort[2], 8);
        var map = new AttributionMap([-1f, 1f], 1, 1, 2);

        var png = SaliencyRenderer.RenderOverlayPng(image, map, null,
            new SaliencyRenderOptions(Colormap.BlueRed, Opacity: 1, Ceiling: 1, Signed: true));
        var rgba = Decode(png);

        Assert.Equal((0, 0, 255), (rgba[0], rgba[1], rgba[2]));
        Assert.Equal((255, 0, 0), (rgba[4], rgba[5], rgba[6]));
    }

    private static byte[] Decode(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var pixels = new byte[bitmap.Width * bitmap.Height * 4];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var i = (y * bitmap.Width + x) * 4;
                (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (c.Red, c.Green, c.Blue, c.Alpha);
            }
        }
        return pixels;
    }
}
