using System.Buffers.Binary;
using System.IO.Compression;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Images;

/// <summary>
/// Lossless PNG decoding for the variants medical images use and SkiaSharp flattens to 8 bits: non-interlaced gray,
/// gray+alpha, RGB and RGBA at 8 or 16 bits per sample. 16-bit gray keeps all 16 bits (<see cref="SliceImage.BitDepth"/>
/// 16); colour becomes <see cref="Luminance"/>; alpha is ignored. Other variants (palette, sub-byte depths, Adam7) return
/// null so that the caller can fall back to SkiaSharp. The inflated size is fixed by the header, so a hostile IDAT
/// cannot inflate further than the declared image.
/// </summary>
public static class PngSampleDecoder
{
    /// <summary>Decodes <paramref name="png"/>, or returns null for a variant this decoder leaves to SkiaSharp.</summary>
    /// <exception cref="DatasetImportException">The file is a PNG of a handled variant but is corrupt or truncated.</exception>
    public static SliceImage? TryDecode(ReadOnlySpan<byte> png, string sourceName)
    {
        var width = (int)BinaryPrimitives.ReadUInt32BigEndian(png[16..]);
        var height = (int)BinaryPrimitives.ReadUInt32BigEndian(png[20..]);
        int bitDepth = png[24], colorType = png[25], interlace = png[28];
        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || bitDepth is not (8 or 16) || interlace != 0)
        {
            return null;
        }

        var bytesPerSample = bitDepth / 8;
        var pixelBytes = channels * bytesPerSample;
        var rowBytes = (long)width * pixelBytes;
        var raw = Inflate(CollectIdat(png, sourceName), (rowBytes + 1) * height, sourceName);
        Unfilter(raw, (int)rowBytes, height, pixelBytes, sourceName);

        var pixels = new ushort[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * ((int)rowBytes + 1) + 1, (int)rowBytes);
            for (var x = 0; x < width; x++)
            {
                var p = row.Slice(x * pixelBytes, pixelBytes);
                pixels[y * width + x] = channels >= 3
                    ? Luminance.FromRgb(Sample(p, 0, bytesPerSample), Sample(p, 1, bytesPerSample), Sample(p, 2, bytesPerSample))
                    : (ushort)Sample(p, 0, bytesPerSample);
            }
        }

        return new SliceImage(width, height, pixels, bitDepth);
    }

    private static int Sample(ReadOnlySpan<byte> pixel, int channel, int bytesPerSample) =>
        bytesPerSample == 1 ? pixel[channel] : BinaryPrimitives.ReadUInt16BigEndian(pixel[(channel * 2)..]);

    private static byte[] CollectIdat(ReadOnlySpan<byte> png, string sourceName)
    {
        using var idat = new MemoryStream();
        var i = 8;
        while (i + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[i..]);
            var type = png.Slice(i + 4, 4);
            if (length > int.MaxValue || i + 12 + (long)length > png.Length)
            {
                throw new DatasetImportException($"{sourceName} is a truncated PNG (chunk runs past the end of the file).");
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(png.Slice(i + 8, (int)length));
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return idat.ToArray();
            }

            i += 12 + (int)length;
        }

        throw new DatasetImportException($"{sourceName} is a truncated PNG (no IEND chunk).");
    }

    private static byte[] Inflate(byte[] zlib, long expected, string sourceName)
    {
        if (expected > int.MaxValue)
        {
            throw new DatasetImportException($"{sourceName}: PNG image is too large to decode.");
        }

        var raw = new byte[expected];
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
            inflater.ReadExactly(raw);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new DatasetImportException($"{sourceName} is a corrupt or truncated PNG (image data does not inflate to its declared size).", e);
        }

        return raw;
    }

    private static void Unfilter(byte[] raw, int rowBytes, int height, int bpp, string sourceName)
    {
        var stride = rowBytes + 1;
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * stride];
            var row = raw.AsSpan(y * stride + 1, rowBytes);
            var prior = y > 0 ? raw.AsSpan((y - 1) * stride + 1, rowBytes) : Span<byte>.Empty;
            for (var i = 0; i < rowBytes; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0;
                int b = y > 0 ? prior[i] : 0;
                int c = y > 0 && i >= bpp ? prior[i - bpp] : 0;
                row[i] = filter switch
                {
                    0 => row[i],
                    1 => (byte)(row[i] + a),
                    2 => (byte)(row[i] + b),
                    3 => (byte)(row[i] + ((a + b) >> 1)),
                    4 => (byte)(row[i] + Paeth(a, b, c)),
                    _ => throw new DatasetImportException($"{sourceName} is a corrupt PNG (unknown row filter {filter})."),
                };
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
