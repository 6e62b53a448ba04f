using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace XaiLab.Engine.Imaging;

/// <summary>
/// Lossless grayscale PNG for slices and masks: 16-bit samples for images with <see cref="SliceImage.BitDepth"/> above 8
/// (an sBIT chunk records depths between 9 and 15, e.g. 12-bit MRI), 8-bit otherwise. Decodes non-interlaced grayscale
/// PNGs of 8 or 16 bits with any of the five scanline filters, which covers every file this codec writes.
/// </summary>
public static class Png16Codec
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes a slice: 16-bit grayscale when its bit depth is above 8, else 8-bit (values must fit 0..255).</summary>
    public static byte[] Encode(SliceImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.BitDepth is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(image), image.BitDepth, "BitDepth must be between 1 and 16.");
        }
        if (image.Pixels.Length != image.Width * image.Height)
        {
            throw new ArgumentException("Pixel count does not match width x height.", nameof(image));
        }
        var pngDepth = image.BitDepth <= 8 ? 8 : 16;
        var bytesPerSample = pngDepth / 8;
        var raw = new byte[image.Width * image.Height * bytesPerSample];
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            var value = image.Pixels[i];
            if (bytesPerSample == 1)
            {
                if (value > 255)
                {
                    throw new ArgumentException($"Pixel {i} is {value}, more than an 8-bit image can hold.", nameof(image));
                }
                raw[i] = (byte)value;
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(i * 2), value);
            }
        }
        var significantBits = image.BitDepth is > 8 and < 16 ? (byte)image.BitDepth : (byte)0;
        return Write(image.Width, image.Height, pngDepth, raw, significantBits);
    }

    /// <summary>Encodes a mask as an 8-bit grayscale PNG: 255 inside, 0 outside.</summary>
    public static byte[] EncodeMask(BinaryMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var raw = new byte[mask.Width * mask.Height];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = mask.Values[i] ? (byte)255 : (byte)0;
        }
        return Write(mask.Width, mask.Height, 8, raw, 0);
    }

    /// <summary>Decodes a mask PNG: samples at or above half the range are inside.</summary>
    public static BinaryMask DecodeMask(byte[] png)
    {
        var image = Decode(png);
        var threshold = image.BitDepth <= 8 ? 128 : 32768;
        return new BinaryMask(image.Width, image.Height, image.Pixels.Select(p => p >= threshold).ToArray());
    }

    /// <summary>Decodes a grayscale 8- or 16-bit PNG into a slice (BitDepth from sBIT when present).</summary>
    public static SliceImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        return Decode(new MemoryStream(png, writable: false));
    }

    /// <summary>Decodes a grayscale 8- or 16-bit PNG from a stream (read to its end).</summary>
    public static SliceImage Decode(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (data.Length < Signature.Length || !data[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file (bad signature).");
        }
        int width = 0, height = 0, depth = 0, significantBits = 0;
        using var compressed = new MemoryStream();
        var position = Signature.Length;
        var ended = false;
        while (!ended)
        {
            if (position + 12 > data.Length)
            {
                throw new InvalidDataException("PNG ends before its IEND chunk.");
            }
            var length = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
            if (length < 0 || position + 12 + length > data.Length)
            {
                throw new InvalidDataException("PNG chunk runs past the end of the file.");
            }
            var type = data.Slice(position + 4, 4);
            var body = data.Slice(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + length)..]);
            if (Crc32.Compute(type, body) != crc)
            {
                throw new InvalidDataException($"CRC mismatch in PNG chunk {Encoding.ASCII.GetString(type)}.");
            }
            switch (Encoding.ASCII.GetString(type))
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    depth = body[8];
                    if (body[9] != 0 || (depth != 8 && depth != 16))
                    {
                        throw new NotSupportedException(
                            $"Only 8- and 16-bit grayscale PNGs are supported (colour type {body[9]}, depth {depth}).");
                    }
                    if (body[12] != 0)
                    {
                        throw new NotSupportedException("Interlaced PNGs are not supported.");
                    }
                    break;
                case "sBIT":
                    significantBits = body[0];
                    break;
                case "IDAT":
                    compressed.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            position += 12 + length;
        }
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("PNG has no valid IHDR chunk.");
        }
        var bytesPerSample = depth / 8;
        var stride = width * bytesPerSample;
        var filtered = new byte[(stride + 1) * height];
        compressed.Position = 0;
        using (var inflater = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            inflater.ReadExactly(filtered);
        }
        var raw = PngFilters.Unfilter(filtered, stride, height, bytesPerSample);
        var pixels = new ushort[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = bytesPerSample == 1 ? raw[i] : BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(i * 2));
        }
        var bitDepth = significantBits >= 1 && significantBits <= depth ? significantBits : depth;
        return new SliceImage(width, height, pixels, bitDepth);
    }

    private static byte[] Write(int width, int height, int depth, byte[] raw, byte significantBits)
    {
        var bytesPerSample = depth / 8;
        var filtered = PngFilters.Filter(raw, width * bytesPerSample, height, bytesPerSample);
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)depth;
        WriteChunk(output, "IHDR", header);
        if (significantBits != 0)
        {
            WriteChunk(output, "sBIT", [significantBits]);
        }
        using (var deflated = new MemoryStream())
        {
            using (var deflater = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflater.Write(filtered);
            }
            WriteChunk(output, "IDAT", deflated.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeBytes, body));
        output.Write(word);
    }
}
