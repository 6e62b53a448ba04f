using System.Buffers.Binary;

namespace XaiLab.Engine.Datasets.Images;

/// <summary>
/// Format and size of an image read from its first bytes, so that absurd dimensions are refused before any pixel
/// buffer is allocated.
/// </summary>
public sealed record ImageHeader(ImageFileFormat Format, int Width, int Height)
{
    /// <summary>File extensions (lower case, with dot) the readers treat as images.</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff" };

    /// <summary>Whether <paramref name="path"/> has one of <see cref="Extensions"/>.</summary>
    public static bool HasImageExtension(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>
    /// Reads the header of <paramref name="data"/>, or throws <see cref="DatasetImportException"/> naming
    /// <paramref name="sourceName"/> if it is not a PNG, JPEG, BMP or TIFF, or if a side is outside 1..<paramref name="maxSide"/>.
    /// </summary>
    public static ImageHeader Read(ReadOnlySpan<byte> data, string sourceName, int maxSide)
    {
        var header = TryRead(data)
            ?? throw new DatasetImportException($"{sourceName} is not a PNG, JPEG, BMP or TIFF image (unrecognised or truncated header).");
        if (header.Width < 1 || header.Height < 1 || header.Width > maxSide || header.Height > maxSide)
        {
            throw new DatasetImportException(
                $"{sourceName} declares {header.Width}x{header.Height} pixels; each side must be between 1 and {maxSide}.");
        }

        return header;
    }

    /// <summary>Reads the header, or returns null if the bytes are not a recognised image.</summary>
    public static ImageHeader? TryRead(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data[..8].SequenceEqual(PngSignature) && data.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return new ImageHeader(ImageFileFormat.Png, ReadInt32BigEndian(data[16..]), ReadInt32BigEndian(data[20..]));
        }

        if (data.Length >= 26 && data[0] == (byte)'B' && data[1] == (byte)'M')
        {
            var width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
            var height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
            return new ImageHeader(ImageFileFormat.Bmp, width, height == int.MinValue ? 0 : Math.Abs(height));
        }

        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8)
        {
            return ReadJpeg(data);
        }

        if (data.Length >= 8 && (data[..4].SequenceEqual("II*\0"u8) || data[..4].SequenceEqual("MM\0*"u8)))
        {
            var tiff = TiffDecoder.TryReadSize(data);
            return tiff is { } size ? new ImageHeader(ImageFileFormat.Tiff, size.Width, size.Height) : null;
        }

        return null;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static int ReadInt32BigEndian(ReadOnlySpan<byte> data)
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(data);
        return value > int.MaxValue ? int.MaxValue : (int)value;
    }

    private static ImageHeader? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return null;
            }

            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return new ImageHeader(ImageFileFormat.Jpeg, width, height);
            }

            i += 2 + length;
        }

        return null;
    }
}
