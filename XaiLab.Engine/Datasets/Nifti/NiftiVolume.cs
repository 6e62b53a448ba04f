using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>
/// One 3-D volume of a single-file NIfTI-1/2 image (<c>.nii</c>, or <c>.nii.gz</c> gunzipped on the fly), with its
/// voxels in memory and its physical values (<c>raw * scl_slope + scl_inter</c>) at hand. Voxel (i, j, k) sits at
/// <c>i + nx * (j + ny * k)</c> in the file (i fastest), as the standard lays it out.
/// </summary>
public sealed class NiftiVolume
{
    private readonly byte[] data;

    private NiftiVolume(NiftiHeader header, int[] shape, int volumeIndex, byte[] data)
    {
        Header = header;
        Shape = shape;
        VolumeIndex = volumeIndex;
        this.data = data;
    }

    /// <summary>The file's header.</summary>
    public NiftiHeader Header { get; }

    /// <summary>Voxels along i, j and k (dimensions a 1- or 2-D file lacks are 1).</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Which volume of a 4-D series this is; 0 for a 3-D file.</summary>
    public int VolumeIndex { get; }

    /// <summary>The physical value of voxel (<paramref name="i"/>, <paramref name="j"/>, <paramref
    /// name="k"/>).</summary>
    public double this[int i, int j, int k] => ValueAt(i + (long)Shape[0] * (j + (long)Shape[1] * k));

    /// <summary>
    /// Reads the volume file in <paramref name="file"/>, named <paramref name="sourceName"/> (a name ending
    /// <c>.gz</c> is gunzipped). The whole file is read, through a counter that stops past
    /// <see cref="ImportLimits.MaxVolumeBytes"/>, and only the chosen volume is kept.
    /// </summary>
    /// <param name="file">The file's bytes, compressed or not; left open.</param>
    /// <param name="sourceName">Path used in messages; its ending says whether the file is gzip-compressed.</param>
    /// <param name="limits">Bounds on the sides and on the decompressed size.</param>
    /// <param name="volumeIndex">Which volume of a 4-D series to keep; must be given for one. Ignored for 3-D
    /// files.</param>
    /// <exception cref="DatasetImportException">
    /// Not NIfTI, a refused datatype or shape, over a limit, truncated, or corrupt; the message names the file.
    /// </exception>
    public static NiftiVolume Read(Stream file, string sourceName, ImportLimits limits, int? volumeIndex)
    {
        var compressed = sourceName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var gunzip = compressed ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : null;
        using var stream = new LimitedVolumeStream(gunzip ?? file, limits.MaxVolumeBytes, sourceName);
        var header = NiftiHeader.Read(stream, sourceName);
        var (shape, index, volumeBytes, fileBytes) = Plan(header, sourceName, limits, volumeIndex);
        stream.Skip(header.VoxelOffset - header.Size + index * volumeBytes);
        var data = new byte[volumeBytes];
        stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        stream.Skip();
        if (stream.BytesRead < fileBytes)
        {
            throw new DatasetImportException(
                $"{sourceName} is truncated: its header declares {fileBytes:N0} bytes (voxels from byte {header.VoxelOffset} on) " +
                $"but the file {(compressed ? "decompresses to" : "holds")} {stream.BytesRead:N0}.");
        }

        if (header.BigEndian == BitConverter.IsLittleEndian && header.BitsPerVoxel > 8)
        {
            ReverseEndianness(data, header.DataType);
        }

        return new NiftiVolume(header, shape, index, data);
    }

    /// <summary>The physical value of the voxel at linear index <paramref name="n"/> (i fastest).</summary>
    internal double ValueAt(long n)
    {
        var raw = Header.DataType switch
        {
            NiftiDataType.UInt8 => data[n],
            NiftiDataType.Int8 => (sbyte)data[n],
            NiftiDataType.Int16 => MemoryMarshal.Read<short>(data.AsSpan((int)(n * 2))),
            NiftiDataType.UInt16 => MemoryMarshal.Read<ushort>(data.AsSpan((int)(n * 2))),
            NiftiDataType.Int32 => MemoryMarshal.Read<int>(data.AsSpan((int)(n * 4))),
            NiftiDataType.Float32 => MemoryMarshal.Read<float>(data.AsSpan((int)(n * 4))),
            _ => MemoryMarshal.Read<double>(data.AsSpan((int)(n * 8))),
        };
        return raw * Header.Slope + Header.Intercept;
    }

    private static (int[] Shape, int Index, long VolumeBytes, long FileBytes) Plan(NiftiHeader header, string sourceName,
        ImportLimits limits, int? volumeIndex)
    {
        var dims = header.Dims;
        long voxels = 1;
        long fileBytes;
        try
        {
            foreach (var dim in dims)
            {
                voxels = checked(voxels * dim);
            }

            fileBytes = checked(header.VoxelOffset + voxels * (header.BitsPerVoxel / 8));
        }
        catch (OverflowException)
        {
            throw new DatasetImportException(
                $"{sourceName} declares {string.Join("x", dims)} voxels, too many to count; the header is corrupt.");
        }

        if (fileBytes > limits.MaxVolumeBytes)
        {
            throw new DatasetImportException(
                $"{sourceName} declares {fileBytes:N0} bytes of header and voxels ({string.Join("x", dims)} {header.DataType.ToString().ToLowerInvariant()}), " +
                $"more than the limit of {limits.MaxVolumeBytes:N0} bytes for one volume file (ImportLimits.MaxVolumeBytes).");
        }

        var shape = Enumerable.Range(0, 3).Select(a => a < dims.Count ? dims[a] : 1).ToArray();
        if (shape.Any(side => side > limits.MaxImageSide))
        {
            throw new DatasetImportException(
                $"{sourceName} declares {string.Join("x", shape)} voxels in space; each side must be at most {limits.MaxImageSide} (ImportLimits.MaxImageSide).");
        }

        for (var d = 4; d < dims.Count; d++)
        {
            if (dims[d] > 1)
            {
                throw new DatasetImportException(
                    $"{sourceName} has {dims.Count}-D data (dim[{d + 1}] is {dims[d]}); only 3-D volumes and 4-D series can be imported.");
            }
        }

        var volumes = dims.Count > 3 ? dims[3] : 1;
        var index = 0;
        if (volumes > 1)
        {
            if (volumeIndex is null)
            {
                throw new DatasetImportException(
                    $"{sourceName} is a 4-D series of {volumes} volumes (dim[4] is {volumes}); set the NIfTI option VolumeIndex " +
                    $"(0 to {volumes - 1}) to import one of them.");
            }

            if (volumeIndex >= volumes)
            {
                throw new DatasetImportException(
                    $"{sourceName} is a 4-D series of {volumes} volumes; VolumeIndex {volumeIndex} is past the last ({volumes - 1}).");
            }

            index = volumeIndex.Value;
        }

        var volumeBytes = voxels / volumes * (header.BitsPerVoxel / 8);
        if (volumeBytes > Array.MaxLength)
        {
            throw new DatasetImportException(
                $"{sourceName}: one volume is {volumeBytes:N0} bytes, more than the {Array.MaxLength:N0} one array can hold.");
        }

        return (shape.Select(side => (int)side).ToArray(), index, volumeBytes, fileBytes);
    }

    private static void ReverseEndianness(byte[] data, NiftiDataType type)
    {
        switch (type)
        {
            case NiftiDataType.Int16 or NiftiDataType.UInt16:
                var shorts = MemoryMarshal.Cast<byte, ushort>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case NiftiDataType.Int32 or NiftiDataType.Float32:
                var ints = MemoryMarshal.Cast<byte, uint>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            default:
                var longs = MemoryMarshal.Cast<byte, ulong>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }
}
