using System.Runtime.InteropServices;
using System.Security.Cryptography;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Hashing;

/// <summary>SHA-256 content hashes: of a slice (size, bit depth, pixels, mask) and of a whole dataset version.</summary>
public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 over the slice's size, bit depth, 16-bit pixels (little-endian) and mask bits.</summary>
    public static string OfSlice(SliceImage image, BinaryMask? mask)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[12];
        BitConverter.TryWriteBytes(header[..4], image.Width);
        BitConverter.TryWriteBytes(header[4..8], image.Height);
        BitConverter.TryWriteBytes(header[8..], image.BitDepth);
        hash.AppendData(header);
        hash.AppendData(MemoryMarshal.AsBytes(image.Pixels.AsSpan()));
        if (mask is not null)
        {
            hash.AppendData(mask.Values.Select(v => v ? (byte)1 : (byte)0).ToArray());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Order-independent hash of a dataset: SHA-256 over its sorted slice hashes.</summary>
    public static string OfDataset(IEnumerable<string> sliceHashes)
    {
        var joined = string.Join('\n', sliceHashes.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(joined)));
    }
}
