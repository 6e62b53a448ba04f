using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Tests.Engine.Datasets.Nifti;

/// <summary>
/// The volumes in Fixtures/, written by nibabel (scripts/nifti-fixtures/make_fixtures.py), and what nibabel reads from
/// them (Fixtures/expected.json); plus helpers to damage a copy of one.
/// </summary>
internal static class NiftiReference
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Engine", "Datasets", "Nifti", "Fixtures");

    private static readonly Lazy<Expectations> Loaded = new(() => JsonSerializer.Deserialize<Expectations>(
        File.ReadAllText(Path.Combine(Folder, "expected.json")),
        new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!);

    public static IReadOnlyList<ExpectedFile> Volumes => Loaded.Value.Volumes;

    public static IReadOnlyList<RefusedFile> Refused => Loaded.Value.Refused;

    public static ExpectedMask Mask => Loaded.Value.Mask;

    public static ExpectedFile Volume(string file) => Volumes.Single(v => v.File == file);

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public static NiftiVolume Read(byte[] bytes, string name, ImportLimits? limits = null, int? volumeIndex = null)
    {
        using var stream = new MemoryStream(bytes);
        return NiftiVolume.Read(stream, name, limits ?? ImportLimits.Default, volumeIndex);
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>A copy of <paramref name="bytes"/> with little-endian int16 values written at the given offsets.</summary>
    public static byte[] WithInt16(byte[] bytes, params (int Offset, short Value)[] fields)
    {
        var copy = bytes.ToArray();
        foreach (var (offset, value) in fields)
        {
            BinaryPrimitives.WriteInt16LittleEndian(copy.AsSpan(offset), value);
        }

        return copy;
    }

    /// <summary>A copy of <paramref name="bytes"/> with a little-endian float32 written at <paramref name="offset"/>.</summary>
    public static byte[] WithSingle(byte[] bytes, int offset, float value)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteSingleLittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    /// <summary>Where voxel (i, j, k) of a volume lands in a slice along <paramref name="axis"/>: (x, y, position).</summary>
    /// <remarks>The rule the reader documents, with nibabel's orientation: an in-plane axis pointing toward R, A or S is reversed.</remarks>
    public static (int X, int Y, int Position) PixelOf(ExpectedFile volume, int axis, int i, int j, int k)
    {
        int[] voxel = [i, j, k];
        var (xAxis, yAxis) = axis switch { 0 => (1, 2), 1 => (0, 2), _ => (0, 1) };
        int Along(int a) => volume.TowardRas is { } toward && toward[a] ? volume.Shape[a] - 1 - voxel[a] : voxel[a];
        return (Along(xAxis), Along(yAxis), voxel[axis]);
    }

    public sealed record Expectations(string Generator, List<ExpectedFile> Volumes, List<RefusedFile> Refused, ExpectedMask Mask);

    public sealed record ExpectedFile(string File, int Version, string Endianness, string Datatype, int[] Shape, long VoxOffset,
        double Slope, double Inter, bool[]? TowardRas, List<ExpectedValues> Volumes);

    /// <param name="Voxels">Rows of i, j, k and nibabel's physical value.</param>
    /// <param name="Nonzero">Per voxel axis, the slice indices with a non-zero value.</param>
    public sealed record ExpectedValues(double Min, double Max, double[][] Voxels, int[][] Nonzero);

    public sealed record RefusedFile(string File, string Datatype, int Code);

    public sealed record ExpectedMask(string File, string For, int[][] Voxels, int[][] Slices);
}
