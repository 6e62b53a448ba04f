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
    /// <summary>
    /// Reads <paramref name="stream"/> and decodes it. The header is checked on the first 64 KiB, before the rest is read;
    /// a file longer than any image within <see cref="ImportLimits.MaxImageSide"/> could be (8 bytes a pixel plus 16 MiB)
    /// is refused without reading it all.
    /// </summary>
    public static SliceImage Decode(Stream stream, string sourceName, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        using var buffer = new MemoryStream();
        CopyAtMost(stream, buffer, 64 * 1024);
        var prefix = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (ImageHeader.TryRead(prefix) is not null)
        {
            ImageHeader.Read(prefix, sourceName, limits.MaxImageSide);
        }

        var maxBytes = (long)limits.MaxImageSide * limits.MaxImageSide * 8 + (16L << 20);
        CopyAtMost(stream, buffer, maxBytes - buffer.Length + 1);
        if (buffer.Length > maxBytes)
        {
            throw new DatasetImportException(
                $"{sourceName} is larger than {maxBytes:N0} bytes, more than any image of at most {limits.MaxImageSide} pixels a side.");
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName, limits);
    }

    /// <summary>Decodes <paramref name="data"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="DatasetImportException">Not an image, absurd dimensions, or corrupt.</exception>
    public static SliceImage Decode(ReadOnlySpan<byte> data, string sourceName, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var header = ImageHeader.Read(data, sourceName, limits.MaxImageSide);
        var pixels = (long)header.Width * header.Height;
        if (pixels > limits.SmallImagePixels && pixels > limits.MaxPixelsPerFileByte * data.Length)
        {
            throw new DatasetImportException(
                $"{sourceName} declares {header.Width}x{header.Height} pixels in {data.Length:N0} bytes, more than " +
                $"{limits.MaxPixelsPerFileByte} pixels a byte (a decompression bomb?); it is refused before decoding.");
        }
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

    private static void CopyAtMost(Stream source, Stream target, long count)
    {
        var chunk = new byte[81920];
        while (count > 0)
        {
            var n = source.Read(chunk, 0, (int)Math.Min(chunk.Length, count));
            if (n == 0)
            {
                return;
            }

            target.Write(chunk, 0, n);
            count -= n;
        }
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
