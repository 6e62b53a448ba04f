using SkiaSharp;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Images;

/// <summary>
/// Turns an image file (PNG, JPEG, BMP, baseline TIFF) into a grayscale <see cref="SliceImage"/>. The header is checked
/// against <see cref="ImportLimits.MaxImageSide"/> before decoding. PNGs go through <see cref="PngSampleDecoder"/>
/// (lossless, 16-bit aware); TIFFs through <see cref="TiffDecoder"/>; the rest through SkiaSharp at 8 bits. Colour
/// becomes <see cref="Luminance"/>.
/// </summary>
public static class SliceImageDecoder
{
    /// <summary>Reads <paramref name="stream"/> to the end and decodes it.</summary>
    public static SliceImage Decode(Stream stream, string sourceName, ImportLimits? limits = null)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName, limits);
    }

    /// <summary>Decodes <paramref name="data"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="DatasetImportException">Not an image, absurd dimensions, or corrupt.</exception>
    public static SliceImage Decode(ReadOnlySpan<byte> data, string sourceName, ImportLimits? limits = null)
    {
        var header = ImageHeader.Read(data, sourceName, (limits ?? ImportLimits.Default).MaxImageSide);
        var image = header.Format switch
        {
            ImageFileFormat.Png => PngSampleDecoder.TryDecode(data, sourceName) ?? DecodeWithSkia(data, sourceName),
            ImageFileFormat.Tiff => TiffDecoder.Decode(data, sourceName),
            _ => DecodeWithSkia(data, sourceName),
        };
        if (image.Width != header.Width || image.Height != header.Height)
        {
            throw new DatasetImportException(
                $"{sourceName} decodes to {image.Width}x{image.Height} pixels but its header declares {header.Width}x{header.Height}.");
        }

        return image;
    }

    private static SliceImage DecodeWithSkia(ReadOnlySpan<byte> data, string sourceName)
    {
        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData)
            ?? throw new DatasetImportException($"{sourceName} is corrupt: the image decoder does not recognise it.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        var result = codec.GetPixels(info, rgba);
        if (result != SKCodecResult.Success)
        {
            throw new DatasetImportException($"{sourceName} is corrupt or truncated ({result}).");
        }

        var pixels = new ushort[info.Width * info.Height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Luminance.FromRgb(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]);
        }

        return new SliceImage(info.Width, info.Height, pixels, 8);
    }
}
