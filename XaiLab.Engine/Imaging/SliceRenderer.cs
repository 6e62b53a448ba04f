using SkiaSharp;

namespace XaiLab.Engine.Imaging;

/// <summary>Draws a slice for display: 8-bit gray through a window, optionally with its mask's contour.</summary>
public static class SliceRenderer
{
    /// <summary>Renders an RGBA PNG of the slice's size; <paramref name="window"/> defaults to the slice's own range.</summary>
    public static byte[] RenderPng(SliceImage image, BinaryMask? contourOf = null, DisplayWindow? window = null, int contourRgb = 0x00FF00)
    {
        ArgumentNullException.ThrowIfNull(image);
        var gray = (window ?? DisplayWindow.Auto(image)).Apply(image);
        var contour = contourOf is null ? null : MaskContour.Of(contourOf, image.Width, image.Height);
        var rgba = new byte[gray.Length * 4];
        for (var i = 0; i < gray.Length; i++)
        {
            var onContour = contour is not null && contour[i];
            rgba[i * 4] = onContour ? (byte)(contourRgb >> 16) : gray[i];
            rgba[i * 4 + 1] = onContour ? (byte)(contourRgb >> 8) : gray[i];
            rgba[i * 4 + 2] = onContour ? (byte)contourRgb : gray[i];
            rgba[i * 4 + 3] = 255;
        }
        return EncodeRgba(rgba, image.Width, image.Height);
    }

    /// <summary>PNG of an RGBA buffer (row-major, 4 bytes a pixel, not premultiplied).</summary>
    public static byte[] EncodeRgba(byte[] rgba, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var pixels = SKData.CreateCopy(rgba);
        using var skImage = SKImage.FromPixels(info, pixels, info.RowBytes);
        using var png = skImage.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
