using SkiaSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Attribution;

public sealed class SaliencyLayersTests
{
    [Fact]
    public void HeatLayerOverTheSlice_GivesTheRenderersOverlay()
    {
        var image = new SliceImage(16, 16, Enumerable.Range(0, 256).Select(i => (ushort)(i * 250)).ToArray());
        var values = Enumerable.Range(0, 64).Select(i => (float)Math.Sin(i * 0.3) * i).ToArray();
        var map = new AttributionMap(values, 1, 8, 8);
        const double opacity = 0.6;

        using var heat = SKBitmap.Decode(SaliencyLayers.RenderHeatPng(map, 16, 16, new SaliencyRenderOptions(Opacity: 1)));
        using var overlay = SKBitmap.Decode(SaliencyRenderer.RenderOverlayPng(image, map, null,
            new SaliencyRenderOptions(Opacity: opacity, DrawMaskContour: false)));
        var gray = DisplayWindow.Auto(image).Apply(image);

        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                // What a browser draws: the layer at CSS opacity o over the gray slice.
                var layer = heat.GetPixel(x, y);
                var alpha = layer.Alpha / 255.0 * opacity;
                var under = gray[y * 16 + x];
                var expected = under * (1 - alpha) + layer.Red * alpha;
                Assert.InRange(overlay.GetPixel(x, y).Red, expected - 2, expected + 2);
            }
        }
    }

    [Fact]
    public void ContourLayer_IsOpaqueOnTheMaskOutlineOnly()
    {
        var mask = new BinaryMask(8, 8, Enumerable.Range(0, 64).Select(i => i % 8 is >= 2 and <= 5 && i / 8 is >= 2 and <= 5).ToArray());
        using var layer = SKBitmap.Decode(SaliencyLayers.RenderContourPng(mask, 8, 8));
        var contour = MaskContour.Of(mask, 8, 8);
        for (var i = 0; i < 64; i++)
        {
            var pixel = layer.GetPixel(i % 8, i / 8);
            Assert.Equal(contour[i] ? (byte)255 : (byte)0, pixel.Alpha);
            if (contour[i]) Assert.Equal(new SKColor(0, 255, 0), pixel);
        }
    }
}
