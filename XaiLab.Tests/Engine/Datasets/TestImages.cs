using System.Buffers.Binary;
using System.IO.Compression;

namespace XaiLab.Tests.Engine.Datasets;

/// <summary>Minimal image encoders for tests: PNG (any colour type, 8/16 bits, filter None) and baseline TIFF.</summary>
internal static class TestImages
{
    /// <summary>8-bit gray PNG of <paramref name="width"/> x <paramref name="height"/> whose pixel is <paramref name="value"/>(x, y).</summary>
    public static byte[] Gray8(int width, int height, Func<int, int, int> value) => Png(width, height, 8, 0, (x, y) => [value(x, y)]);

    /// <summary>PNG with samples per pixel from <paramref name="samples"/>: 1 (type 0), 2 (4), 3 (2) or 4 (6).</summary>
    public static byte[] Png(int width, int height, int bitDepth, int colorType, Func<int, int, int[]> samples,
        CompressionLevel compression = CompressionLevel.Fastest)
    {
        var channels = colorType switch { 0 => 1, 4 => 2, 2 => 3, _ => 4 };
        var bytes = bitDepth / 8;
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var s = samples(x, y);
                for (var c = 0; c < channels; c++)
                {
                    if (bytes == 2)
                    {
                        raw.WriteByte((byte)(s[c] >> 8));
                    }

                    raw.WriteByte((byte)s[c]);
                }
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, compression, leaveOpen: true))
        {
            z.Write(raw.ToArray());
        }

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = (byte)colorType;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Uncompressed little-endian baseline TIFF, gray, one strip.</summary>
    public static byte[] Tiff(int width, int height, int bits, Func<int, int, int> value)
    {
        var bytes = bits / 8;
        var pixels = new byte[width * height * bytes];
        for (var i = 0; i < width * height; i++)
        {
            var v = value(i % width, i / width);
            if (bytes == 2)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(i * 2), (ushort)v);
            }
            else
            {
                pixels[i] = (byte)v;
            }
        }

        (ushort Tag, ushort Type, uint Value)[] tags =
        [
            (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, (uint)bits), (259, 3, 1), (262, 3, 1),
            (273, 4, 8), (277, 3, 1), (278, 4, (uint)height), (279, 4, (uint)pixels.Length),
        ];
        using var tiff = new MemoryStream();
        var w = new BinaryWriter(tiff);
        w.Write("II*\0"u8);
        w.Write(8 + pixels.Length);
        w.Write(pixels);
        w.Write((ushort)tags.Length);
        foreach (var (tag, type, v) in tags)
        {
            w.Write(tag);
            w.Write(type);
            w.Write(1u);
            if (type == 3)
            {
                w.Write((ushort)v);
                w.Write((ushort)0);
            }
            else
            {
                w.Write(v);
            }
        }

        w.Write(0u);
        return tiff.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typeAndData));
        png.Write(length);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
