using System.Buffers.Binary;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Images;

/// <summary>
/// Baseline TIFF without compression (SkiaSharp has no TIFF codec): first image only, chunky strips, gray
/// (WhiteIsZero or BlackIsZero) or RGB, 8 or 16 bits per sample, either byte order. WhiteIsZero is inverted so that
/// bright means dense in every slice. Anything else is refused with a message naming the unsupported feature.
/// </summary>
public static class TiffDecoder
{
    private const int ImageWidth = 256, ImageLength = 257, BitsPerSample = 258, Compression = 259, Photometric = 262;
    private const int StripOffsets = 273, SamplesPerPixel = 277, StripByteCounts = 279, PlanarConfiguration = 284;

    /// <summary>Width and height of the first image, or null if the header or first directory is unreadable.</summary>
    public static (int Width, int Height)? TryReadSize(ReadOnlySpan<byte> tiff)
    {
        var tags = TryReadTags(tiff);
        return tags is not null && tags.TryGetValue(ImageWidth, out var w) && tags.TryGetValue(ImageLength, out var h)
            ? ((int)Math.Min(w[0], int.MaxValue), (int)Math.Min(h[0], int.MaxValue))
            : null;
    }

    /// <summary>Decodes the first image of <paramref name="tiff"/>.</summary>
    /// <exception cref="DatasetImportException">Compressed, planar, palette or otherwise unsupported, or truncated.</exception>
    public static SliceImage Decode(ReadOnlySpan<byte> tiff, string sourceName)
    {
        var tags = TryReadTags(tiff) ?? throw new DatasetImportException($"{sourceName} is a truncated TIFF (unreadable directory).");
        long Tag(int id, long fallback) => tags.TryGetValue(id, out var v) ? v[0] : fallback;
        var width = (int)Tag(ImageWidth, 0);
        var height = (int)Tag(ImageLength, 0);
        var samples = (int)Tag(SamplesPerPixel, 1);
        var bits = (int)Tag(BitsPerSample, 1);
        var photometric = Tag(Photometric, -1);
        if (Tag(Compression, 1) != 1)
        {
            throw new DatasetImportException($"{sourceName}: compressed TIFF is not supported (only uncompressed baseline TIFF); convert it to PNG.");
        }

        if (bits is not (8 or 16) || photometric is not (0 or 1 or 2) || (photometric == 2 ? samples < 3 : samples != 1)
            || Tag(PlanarConfiguration, 1) != 1)
        {
            throw new DatasetImportException(
                $"{sourceName}: TIFF with {bits} bits, {samples} samples, photometric {photometric} is not supported " +
                "(gray or RGB, 8 or 16 bits, chunky only); convert it to PNG.");
        }

        if (!tags.TryGetValue(StripOffsets, out var offsets) || !tags.TryGetValue(StripByteCounts, out var counts) || offsets.Length != counts.Length)
        {
            throw new DatasetImportException($"{sourceName} is a corrupt TIFF (missing strip offsets or byte counts).");
        }

        var bytesPerSample = bits / 8;
        var pixelBytes = samples * bytesPerSample;
        var expected = (long)width * height * pixelBytes;
        var data = new byte[expected];
        long written = 0;
        for (var s = 0; s < offsets.Length && written < expected; s++)
        {
            var length = Math.Min(counts[s], expected - written);
            if (offsets[s] < 0 || offsets[s] + length > tiff.Length)
            {
                throw new DatasetImportException($"{sourceName} is a truncated TIFF (strip {s} runs past the end of the file).");
            }

            tiff.Slice((int)offsets[s], (int)length).CopyTo(data.AsSpan((int)written));
            written += length;
        }

        if (written < expected)
        {
            throw new DatasetImportException($"{sourceName} is a truncated TIFF ({written:N0} of {expected:N0} pixel bytes).");
        }

        var littleEndian = tiff[0] == (byte)'I';
        var max = (1 << bits) - 1;
        var pixels = new ushort[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = data.AsSpan(i * pixelBytes, pixelBytes);
            pixels[i] = photometric switch
            {
                0 => (ushort)(max - Sample(p, 0, bytesPerSample, littleEndian)),
                1 => (ushort)Sample(p, 0, bytesPerSample, littleEndian),
                _ => Luminance.FromRgb(
                    Sample(p, 0, bytesPerSample, littleEndian), Sample(p, 1, bytesPerSample, littleEndian), Sample(p, 2, bytesPerSample, littleEndian)),
            };
        }

        return new SliceImage(width, height, pixels, bits);
    }

    private static int Sample(ReadOnlySpan<byte> pixel, int channel, int bytesPerSample, bool littleEndian) =>
        bytesPerSample == 1 ? pixel[channel]
        : littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(pixel[(channel * 2)..])
        : BinaryPrimitives.ReadUInt16BigEndian(pixel[(channel * 2)..]);

    private static Dictionary<int, long[]>? TryReadTags(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        var le = tiff[0] == (byte)'I';
        uint U32(ReadOnlySpan<byte> s) => le ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => le ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

        var ifd = U32(tiff[4..]);
        if (ifd + 2L > tiff.Length)
        {
            return null;
        }

        int count = U16(tiff[(int)ifd..]);
        if (ifd + 2L + count * 12L > tiff.Length)
        {
            return null;
        }

        var tags = new Dictionary<int, long[]>();
        for (var e = 0; e < count; e++)
        {
            var entry = tiff.Slice((int)ifd + 2 + e * 12, 12);
            int tag = U16(entry), type = U16(entry[2..]);
            var n = U32(entry[4..]);
            var size = type switch { 3 => 2, 4 => 4, 1 => 1, _ => 0 };
            if (size == 0 || n == 0 || n > 1_000_000)
            {
                continue;
            }

            long start = n * size <= 4 ? (int)ifd + 2 + e * 12 + 8 : U32(entry[8..]);
            if (start + n * size > tiff.Length)
            {
                return null;
            }

            var values = new long[n];
            for (var k = 0; k < n; k++)
            {
                var at = tiff[(int)(start + k * size)..];
                values[k] = size switch { 1 => at[0], 2 => U16(at), _ => U32(at) };
            }

            tags[tag] = values;
        }

        return tags;
    }
}
