using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Hashing;

/// <summary>
/// Content hashes that identify slices and dataset versions independently of file names, formats and order, so that an
/// artifact can record exactly which data it was trained on and duplicate uploads are found.
/// </summary>
public static class ContentHash
{
    /// <summary>
    /// SHA-256 (lower-case hex) of a slice: width, height and bit depth, the pixels as little-endian 16-bit samples, then
    /// whether there is a mask and, if so, its size and its values one byte each. Class and patient are not included:
    /// the same image under two labels is a duplicate worth finding.
    /// </summary>
    public static string Of(SliceImage image, BinaryMask? mask)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(header, image.Width);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], image.Height);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], image.BitDepth);
        sha.AppendData(header);
        var pixels = new byte[image.Pixels.Length * 2];
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(i * 2), image.Pixels[i]);
        }

        sha.AppendData(pixels);
        if (mask is null)
        {
            sha.AppendData([0]);
        }
        else
        {
            sha.AppendData([1]);
            BinaryPrimitives.WriteInt32LittleEndian(header, mask.Width);
            BinaryPrimitives.WriteInt32LittleEndian(header[4..], mask.Height);
            sha.AppendData(header[..8]);
            sha.AppendData(mask.Values.Select(v => v ? (byte)1 : (byte)0).ToArray());
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Hash of a slice as imported; see <see cref="Of(SliceImage, BinaryMask?)"/>.</summary>
    public static string Of(ImportedSlice slice) => Of(slice.Image, slice.Mask);

    /// <summary>
    /// Dataset version: SHA-256 (lower-case hex) over the slice hashes sorted ordinally, one per line, duplicates kept. The
    /// same slices in any order give the same version; adding, removing or changing any slice changes it.
    /// </summary>
    public static string DatasetVersion(IEnumerable<string> sliceHashes)
    {
        var text = string.Concat(sliceHashes.Order(StringComparer.Ordinal).Select(h => h + "\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
    }

    /// <summary>Groups of two or more slices with the same hash, in order of first appearance.</summary>
    public static IReadOnlyList<DuplicateGroup> FindDuplicates(IEnumerable<(string SourceName, string Hash)> slices) =>
        slices
            .GroupBy(s => s.Hash, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateGroup(g.Key, g.Select(s => s.SourceName).ToList()))
            .ToList();
}
