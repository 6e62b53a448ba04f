using SkiaSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Engine.Attribution;

public class SaliencyRendererTests
{
    [Fact]
    public void DisplayValues_SumsMagnitudesAndClipsAtThePercentile()
    {
        // Two channels whose magnitudes add up to 0, 1, ..., 99 per pixel.
        var values = new float[200];
        for (var i = 0; i < 100; i++)
        {
            values[i] = -i / 2f;
            values[100 + i] = i / 2f;
        }

        var display = SaliencyRenderer.DisplayValues(new AttributionMap(values, 2, 10, 10));

        // numpy.percentile(range(100), 99) = 98.01
        Assert.Equal(0f, display[0]);
        Assert.Equal(49 / 98.01f, display[49], 5);
        Assert.Equal(98 / 98.01f, display[98], 5);
        Assert.Equal(1f, display[99]);
    }

    [Fact]
    public void RenderOverlayPng_DrawsColourmapAndMaskContour()
    {
        var image = new SliceImage(8, 8, Enumerable.Range(0, 64).Select(i => (ushort)(i * 1000)).ToArray());
        var mask = new BinaryMask(8, 8, Enumerable.Range(0, 64).Select(i => i % 8 is >= 2 and <= 5 && i / 8 is >= 2 and <= 5).ToArray());
        var map = new AttributionMap(new float[16], 1, 4, 4);

        var png = SaliencyRenderer.RenderOverlayPng(image, map, mask, new SaliencyRenderOptions(Colormap.Jet, Opacity: 1, FadeLowSaliency: false));

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((8, 8), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(0, 255, 0), bitmap.GetPixel(2, 2));
        Assert.Equal(new SKColor(0, 255, 0), bitmap.GetPixel(5, 3));
        // Inside the contour and outside the mask: jet's lowest colour, dark blue.
        Assert.Equal(new SKColor(0, 0, 128), bitmap.GetPixel(3, 3));
        Assert.Equal(new SKColor(0, 0, 128), bitmap.GetPixel(0, 7));
    }

    [Fact]
    public void RenderOverlayPng_BlendsGrayAndInfernoWithoutMask()
    {
        var image = new SliceImage(2, 1, [0, 100]);
        var map = new AttributionMap([0f, 5f], 1, 1, 2);

        var png = SaliencyRenderer.RenderOverlayPng(image, map, null,
            new SaliencyRenderOptions(Colormap.Inferno, Opacity: 0.5, ClipPercentile: 100, FadeLowSaliency: false));

        using var bitmap = SKBitmap.Decode(png);
        // Pixel 0: black slice, inferno(0) = #000004; pixel 1: white slice, inferno(1) = #FCFFA4.
        Assert.Equal(new SKColor(0, 0, 2), bitmap.GetPixel(0, 0));
        Assert.Equal(new SKColor(254, 255, 210), bitmap.GetPixel(1, 0));
    }

    /// <summary>
    /// Each colormap's published colours at 0, 0.5 and 1 as 0xRRGGBB (a 256-entry table: 0.5 is entry 128): matplotlib's
    /// gray, bwr and the viridis/inferno data of matplotlib's _cm_listed.py (entries 0, 128, 255, times 255, rounded);
    /// jet as MATLAB's jet(256) rows 1, 129, 256: (0, 0, 0.5), (33/64, 1, 0.5), (0.5, 0, 0).
    /// </summary>
    public static TheoryData<Colormap, int, int, int> PublishedAnchors { get; } = new()
    {
        { Colormap.Gray, 0x000000, 0x808080, 0xFFFFFF },
        { Colormap.Jet, 0x000080, 0x83FF80, 0x800000 },
        { Colormap.Viridis, 0x440154, 0x21918C, 0xFDE725 },
        { Colormap.Inferno, 0x000004, 0xBC3754, 0xFCFFA4 },
        { Colormap.BlueRed, 0x0000FF, 0xFFFEFE, 0xFF0000 },
    };

    [Theory]
    [MemberData(nameof(PublishedAnchors))]
    public void RenderOverlayPng_SupportsEveryColormap(Colormap colormap, int atZero, int atHalf, int atOne)
    {
        // A black slice under an opaque overlay: each pixel shows the colormap's colour at the map's value, 0, 0.5 and 1
        // (the 100th percentile is the maximum, so the values are drawn as they are).
        var image = new SliceImage(3, 1, new ushort[3]);
        var map = new AttributionMap([0f, 0.5f, 1f], 1, 1, 3);

        var png = SaliencyRenderer.RenderOverlayPng(image, map, null,
            new SaliencyRenderOptions(colormap, Opacity: 1, ClipPercentile: 100, FadeLowSaliency: false));

        using var bitmap = SKBitmap.Decode(png);
        // The tables interpolate viridis and inferno between ten of matplotlib's colours and evaluate jet's piecewise-linear
        // formula at i / 255 rather than MATLAB's 64-step rows: within 2 levels of the published colours, and far from
        // every other colormap's.
        AssertColour(atZero, bitmap.GetPixel(0, 0), tolerance: 2);
        AssertColour(atHalf, bitmap.GetPixel(1, 0), tolerance: 2);
        AssertColour(atOne, bitmap.GetPixel(2, 0), tolerance: 2);
    }

    [Fact]
    public void PublishedAnchors_CoverEveryColormap() =>
        Assert.Equal(Enum.GetValues<Colormap>(), PublishedAnchors.Select(row => (Colormap)row[0]).Order());

    [Fact]
    public void RenderOverlayPng_RejectsOpacityOutsideZeroToOne()
    {
        var image = new SliceImage(1, 1, [0]);
        var map = new AttributionMap([0f], 1, 1, 1);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => SaliencyRenderer.RenderOverlayPng(image, map, null, new SaliencyRenderOptions(Opacity: 1.5)));
    }

    [Fact]
    public void RenderOverlayPng_FadeLowSaliencyShowsTheSliceWhereTheMapIsZero()
    {
        var image = new SliceImage(2, 1, [0, 1000], 16);
        var map = new AttributionMap([0f, 1f], 1, 1, 2);
        var png = SaliencyRenderer.RenderOverlayPng(image, map, null, new SaliencyRenderOptions(Colormap.Jet, Opacity: 0.6, ClipPercentile: 100));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(new SKColor(0, 0, 0), bitmap.GetPixel(0, 0));
        var jetTop = ColormapTable.Of(Colormap.Jet)[255];
        Assert.Equal(new SKColor((byte)Math.Round(255 * 0.4 + jetTop.R * 0.6), (byte)Math.Round(255 * 0.4 + jetTop.G * 0.6), (byte)Math.Round(255 * 0.4 + jetTop.B * 0.6)), bitmap.GetPixel(1, 0));
    }

    private static void AssertColour(int expectedRgb, SKColor actual, int tolerance)
    {
        var expected = ((expectedRgb >> 16) & 0xFF, (expectedRgb >> 8) & 0xFF, expectedRgb & 0xFF);
        var distance = Math.Max(Math.Abs(expected.Item1 - actual.Red),
            Math.Max(Math.Abs(expected.Item2 - actual.Green), Math.Abs(expected.Item3 - actual.Blue)));
        Assert.True(distance <= tolerance,
            $"expected #{expectedRgb:X6}, got #{actual.Red:X2}{actual.Green:X2}{actual.Blue:X2} ({distance} levels off)");
    }
}
