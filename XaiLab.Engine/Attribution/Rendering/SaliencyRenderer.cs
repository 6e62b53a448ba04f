using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Attribution.Rendering;

/// <summary>
/// Draws attribution maps as the paper displays them: sum of |map| over channels, clipped at a percentile, scaled to
/// 0..1, resized to the slice, coloured and blended over the gray slice, with the expert mask's contour on top.
/// </summary>
public static class SaliencyRenderer
{
    /// <summary>Renders the overlay as an RGBA PNG of the slice's size.</summary>
    public static byte[] RenderOverlayPng(SliceImage image, AttributionMap map, BinaryMask? mask, SaliencyRenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Opacity is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Opacity, "Opacity must be between 0 and 1.");
        }
        var display = options.Signed
            ? SignedDisplayValues(map, options.ClipPercentile, options.Ceiling)
            : DisplayValues(map, options.ClipPercentile, options.Ceiling);
        var saliency = ImageResampler.ResizeBilinear(display, map.Width, map.Height, image.Width, image.Height);
        var lut = ColormapTable.Of(options.Colormap);
        var gray = DisplayWindow.Auto(image).Apply(image);
        var contour = options.DrawMaskContour && mask is not null ? MaskContour.Of(mask, image.Width, image.Height) : null;
        var rgba = new byte[image.Width * image.Height * 4];
        for (var i = 0; i < gray.Length; i++)
        {
            byte r, g, b;
            if (contour is not null && contour[i])
            {
                (r, g, b) = ((byte)(options.ContourRgb >> 16), (byte)(options.ContourRgb >> 8), (byte)options.ContourRgb);
            }
            else
            {
                var value = options.Signed ? Math.Clamp(saliency[i], -1, 1) : Math.Clamp(saliency[i], 0, 1);
                var position = options.Signed ? (value + 1) / 2 : value;
                var colour = lut[(int)Math.Round(position * 255)];
                var opacity = options.FadeLowSaliency ? options.Opacity * Math.Abs(value) : options.Opacity;
                r = Blend(gray[i], colour.R, opacity);
                g = Blend(gray[i], colour.G, opacity);
                b = Blend(gray[i], colour.B, opacity);
            }
            rgba[i * 4] = r;
            rgba[i * 4 + 1] = g;
            rgba[i * 4 + 2] = b;
            rgba[i * 4 + 3] = 255;
        }
        return SliceRenderer.EncodeRgba(rgba, image.Width, image.Height);
    }

    /// <summary>
    /// The displayed saliency [H, W] of a map in 0..1. By default PAIR's <c>VisualizeImageGrayscale(map, 99)</c>: the sum
    /// of |map| over channels, minus its minimum, divided by (its <paramref name="clipPercentile"/>-th percentile minus
    /// that minimum), clipped to 0..1. With a <paramref name="ceiling"/> (one scale shared by several maps) the sum is
    /// divided by the ceiling instead, so zero stays zero in every map.
    /// </summary>
    public static float[] DisplayValues(AttributionMap map, double clipPercentile = 99, double? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (ceiling is <= 0 || (ceiling is { } c && !double.IsFinite(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(ceiling), ceiling, "The ceiling must be a positive number.");
        }
        var magnitude = Magnitude(map);
        var result = new float[magnitude.Length];
        if (ceiling is { } shared)
        {
            for (var i = 0; i < magnitude.Length; i++) result[i] = Math.Min(1f, (float)(magnitude[i] / shared));
            return result;
        }
        var vmax = Percentile(magnitude, clipPercentile);
        double vmin = magnitude.Min();
        var range = vmax - vmin;
        for (var i = 0; i < magnitude.Length; i++)
        {
            result[i] = range > 0 ? (float)Math.Clamp((magnitude[i] - vmin) / range, 0, 1) : 0f;
        }
        return result;
    }

    /// <summary>
    /// The signed displayed saliency [H, W] in -1..1: the sum of the map over channels divided by <paramref name="ceiling"/>,
    /// or by default by PAIR's span for <c>VisualizeImageDiverging(map, 99)</c> (|the 99th percentile of the signed sum|),
    /// clipped at +-1 — PAIR's diverging values on the colormap's -1..1 axis (2 v - 1).
    /// </summary>
    public static float[] SignedDisplayValues(AttributionMap map, double clipPercentile = 99, double? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (ceiling is <= 0 || (ceiling is { } c && !double.IsFinite(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(ceiling), ceiling, "The ceiling must be a positive number.");
        }
        var sum = map.SumOverChannels();
        var scale = ceiling ?? Math.Abs(Percentile(sum, clipPercentile));
        var result = new float[sum.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            result[i] = scale > 0 ? Math.Clamp((float)(sum[i] / scale), -1f, 1f) : 0f;
        }
        return result;
    }

    /// <summary>
    /// The <paramref name="clipPercentile"/>-th percentile (linear interpolation, as numpy) of the sum of |map| over
    /// channels: the value a map is drawn at full colour under per-map normalisation.
    /// </summary>
    public static double ClipValue(AttributionMap map, double clipPercentile = 99)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Percentile(Magnitude(map), clipPercentile);
    }

    private static float[] Magnitude(AttributionMap map)
    {
        var plane = map.Height * map.Width;
        var magnitude = new float[plane];
        for (var c = 0; c < map.Channels; c++)
        {
            for (var i = 0; i < plane; i++)
            {
                magnitude[i] += Math.Abs(map.Values[c * plane + i]);
            }
        }
        return magnitude;
    }

    private static double Percentile(float[] magnitude, double clipPercentile)
    {
        if (clipPercentile is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(clipPercentile), clipPercentile, "Percentile must be in (0, 100].");
        }
        var sorted = (float[])magnitude.Clone();
        Array.Sort(sorted);
        var rank = clipPercentile / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static byte Blend(byte under, byte over, double opacity) =>
        (byte)Math.Round(under * (1 - opacity) + over * opacity);
}
