using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Attribution.Rendering;

/// <summary>
/// The parts of <see cref="SaliencyRenderer"/>'s overlay as separate transparent layers, so a viewer can stack them over
/// the gray slice and change the opacity or hide the mask contour without asking the server again. Drawn over the slice
/// at CSS opacity o, the heat layer gives the same pixels as <see cref="SaliencyRenderer.RenderOverlayPng"/> with
/// opacity o and <see cref="SaliencyRenderOptions.FadeLowSaliency"/> (up to rounding).
/// </summary>
public static class SaliencyLayers
{
    /// <summary>
    /// RGBA PNG of <paramref name="width"/> x <paramref name="height"/>: each pixel the colormap's colour of its display
    /// value v (see <see cref="SaliencyRenderer.DisplayValues"/>) with alpha v, so unimportant pixels are transparent.
    /// <see cref="SaliencyRenderOptions.Opacity"/> scales the alpha (use 1 and let the viewer set the opacity).
    /// </summary>
    public static byte[] RenderHeatPng(AttributionMap map, int width, int height, SaliencyRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var saliency = ImageResampler.ResizeBilinear(
            SaliencyRenderer.DisplayValues(map, options.ClipPercentile, options.Ceiling), map.Width, map.Height, width, height);
        var lut = ColormapTable.Of(options.Colormap);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < saliency.Length; i++)
        {
            var value = Math.Clamp(saliency[i], 0, 1);
            var colour = lut[(int)Math.Round(value * 255)];
            rgba[i * 4] = colour.R;
            rgba[i * 4 + 1] = colour.G;
            rgba[i * 4 + 2] = colour.B;
            rgba[i * 4 + 3] = (byte)Math.Round(255 * options.Opacity * (options.FadeLowSaliency ? value : 1));
        }
        return SliceRenderer.EncodeRgba(rgba, width, height);
    }

    /// <summary>RGBA PNG with the mask's contour (see <see cref="MaskContour"/>) in <paramref name="contourRgb"/> and every
    /// other pixel transparent.</summary>
    public static byte[] RenderContourPng(BinaryMask mask, int width, int height, int contourRgb = 0x00FF00)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var contour = MaskContour.Of(mask, width, height);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < contour.Length; i++)
        {
            if (!contour[i])
            {
                continue;
            }
            rgba[i * 4] = (byte)(contourRgb >> 16);
            rgba[i * 4 + 1] = (byte)(contourRgb >> 8);
            rgba[i * 4 + 2] = (byte)contourRgb;
            rgba[i * 4 + 3] = 255;
        }
        return SliceRenderer.EncodeRgba(rgba, width, height);
    }
}
