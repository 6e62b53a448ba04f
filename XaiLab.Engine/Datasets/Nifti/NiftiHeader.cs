using System.Buffers.Binary;
using System.Text;

namespace XaiLab.Engine.Datasets.Nifti;

/// <summary>
/// The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header that locate, decode and orient the voxels, checked
/// so that nothing later trusts a lying header. The byte order is the one in which <c>sizeof_hdr</c> reads 348 or 540,
/// as nibabel decides it (nifti1.h also names a <c>dim[0]</c> outside 1..7 as the sign of swapped bytes; that check
/// follows, so a header whose two tests disagree is refused).
/// </summary>
public sealed record NiftiHeader
{
    /// <summary>Bytes of a NIfTI-1 header, the value of its <c>sizeof_hdr</c>.</summary>
    public const int Nifti1Size = 348;

    /// <summary>Bytes of a NIfTI-2 header, the value of its <c>sizeof_hdr</c>.</summary>
    public const int Nifti2Size = 540;

    private static readonly Dictionary<NiftiDataType, int> SupportedBits = new()
    {
        [NiftiDataType.Int8] = 8,
        [NiftiDataType.UInt8] = 8,
        [NiftiDataType.Int16] = 16,
        [NiftiDataType.UInt16] = 16,
        [NiftiDataType.Int32] = 32,
        [NiftiDataType.Float32] = 32,
        [NiftiDataType.Float64] = 64,
    };

    /// <summary>1 or 2.</summary>
    public required int Version { get; init; }

    /// <summary>Whether the header and the voxels are big-endian.</summary>
    public required bool BigEndian { get; init; }

    /// <summary><c>dim[1]</c> to <c>dim[dim[0]]</c>, each at least 1; dimensions past <c>dim[0]</c> are 1 by the
    /// standard.</summary>
    public required IReadOnlyList<long> Dims { get; init; }

    /// <summary>One of the types the reader decodes: int8, uint8, int16, uint16, int32, float32 or float64.</summary>
    public required NiftiDataType DataType { get; init; }

    /// <summary>Bits per voxel; always the width of <see cref="DataType"/>.</summary>
    public required int BitsPerVoxel { get; init; }

    /// <summary>Where the voxels start in the (decompressed) file; at least the header size.</summary>
    public required long VoxelOffset { get; init; }

    /// <summary>
    /// <c>scl_slope</c>, or 1 when the file asks for no scaling: the standard says a slope of 0 means none, and
    /// nibabel also takes a non-finite slope as none.
    /// </summary>
    public required double Slope { get; init; }

    /// <summary><c>scl_inter</c>, or 0 when <see cref="Slope"/> says no scaling (the intercept is then ignored, as
    /// nibabel does).</summary>
    public required double Intercept { get; init; }

    /// <summary>
    /// The direction of each voxel axis (i, j, k) in the scanner's RAS+ space (x toward the patient's right, y toward
    /// anterior, z toward superior): the columns of the sform when <c>sform_code</c> &gt; 0, else of the qform's
    /// rotation (with qfac on k) when <c>qform_code</c> &gt; 0, as nibabel's <c>get_best_affine</c> chooses. Null when
    /// both codes are 0 or the matrix is degenerate: the file does not say how it is oriented.
    /// </summary>
    public required IReadOnlyList<double[]>? AxisDirections { get; init; }

    /// <summary>Header bytes: <see cref="Nifti1Size"/> or <see cref="Nifti2Size"/>.</summary>
    public int Size => Version == 1 ? Nifti1Size : Nifti2Size;

    /// <summary>
    /// Reads and checks the header at the start of <paramref name="stream"/>, leaving the stream just after it (348 or
    /// 540 bytes in).
    /// </summary>
    /// <exception cref="DatasetImportException">Too short, not NIfTI, a .hdr/.img pair, or a field out of
    /// range.</exception>
    public static NiftiHeader Read(Stream stream, string sourceName)
    {
        var bytes = new byte[Nifti2Size];
        var read = stream.ReadAtLeast(bytes.AsSpan(0, Nifti1Size), Nifti1Size, throwOnEndOfStream: false);
        if (read < Nifti1Size)
        {
            throw new DatasetImportException(
                $"{sourceName} is {read} bytes long, too short for a NIfTI header ({Nifti1Size} bytes at least).");
        }

        if (SizeOf(bytes, sourceName, out _) == Nifti2Size)
        {
            read += stream.ReadAtLeast(bytes.AsSpan(Nifti1Size), Nifti2Size - Nifti1Size, throwOnEndOfStream: false);
            if (read < Nifti2Size)
            {
                throw new DatasetImportException(
                    $"{sourceName} is {read} bytes long, too short for the NIfTI-2 header it starts ({Nifti2Size} bytes).");
            }
        }

        return Parse(bytes.AsSpan(0, read), sourceName);
    }

    /// <summary>Parses a whole header (the first 348 or 540 bytes of a file); <paramref name="sourceName"/> names it in
    /// errors.</summary>
    /// <exception cref="DatasetImportException">Not NIfTI, a .hdr/.img pair, or a field out of range.</exception>
    public static NiftiHeader Parse(ReadOnlySpan<byte> header, string sourceName)
    {
        var size = SizeOf(header, sourceName, out var bigEndian);
        if (header.Length < size)
        {
            throw new DatasetImportException($"{sourceName}: the NIfTI-{(size == Nifti1Size ? 1 : 2)} header is cut short at {header.Length} bytes.");
        }

        var fields = new Fields(header[..size].ToArray(), bigEndian);
        var version = size == Nifti1Size ? 1 : 2;
        CheckMagic(header, version, sourceName);
        var dims = ReadDims(fields, version, sourceName);
        var dataType = (NiftiDataType)fields.Int16(version == 1 ? 70 : 12);
        var bits = fields.Int16(version == 1 ? 72 : 14);
        if (!SupportedBits.TryGetValue(dataType, out var expectedBits))
        {
            var name = Enum.IsDefined(dataType) ? dataType.ToString().ToLowerInvariant() : "an unknown type";
            throw new DatasetImportException(
                $"{sourceName} stores {name} voxels (datatype {(short)dataType}); only int8, uint8, int16, uint16, int32, " +
                "float32 and float64 volumes can be imported.");
        }

        if (bits != expectedBits)
        {
            throw new DatasetImportException(
                $"{sourceName}: bitpix is {bits} but datatype {dataType.ToString().ToLowerInvariant()} has {expectedBits} bits; the header is corrupt.");
        }

        var (slope, intercept) = ReadScaling(fields, version, sourceName);
        return new NiftiHeader
        {
            Version = version,
            BigEndian = bigEndian,
            Dims = dims,
            DataType = dataType,
            BitsPerVoxel = bits,
            VoxelOffset = ReadVoxelOffset(fields, version, size, sourceName),
            Slope = slope,
            Intercept = intercept,
            AxisDirections = ReadDirections(fields, version),
        };
    }

    private static int SizeOf(ReadOnlySpan<byte> header, string sourceName, out bool bigEndian)
    {
        var little = BinaryPrimitives.ReadInt32LittleEndian(header);
        var big = BinaryPrimitives.ReadInt32BigEndian(header);
        bigEndian = little is not (Nifti1Size or Nifti2Size);
        if (!bigEndian)
        {
            return little;
        }

        if (big is Nifti1Size or Nifti2Size)
        {
            return big;
        }

        var gzipHint = header[0] == 0x1F && header[1] == 0x8B ? "; it is gzip-compressed, so it must be named .nii.gz" : "";
        throw new DatasetImportException(
            $"{sourceName} is not a NIfTI file: its first field (sizeof_hdr) reads {little} little-endian and {big} big-endian, " +
            $"neither {Nifti1Size} (NIfTI-1) nor {Nifti2Size} (NIfTI-2){gzipHint}.");
    }

    private static void CheckMagic(ReadOnlySpan<byte> header, int version, string sourceName)
    {
        var magic = version == 1 ? header.Slice(344, 4) : header.Slice(4, 8);
        ReadOnlySpan<byte> single = version == 1 ? "n+1\0"u8 : "n+2\0\r\n\x1A\n"u8;
        ReadOnlySpan<byte> pair = version == 1 ? "ni1\0"u8 : "ni2\0\r\n\x1A\n"u8;
        if (magic.SequenceEqual(single))
        {
            return;
        }

        if (magic.SequenceEqual(pair))
        {
            throw new DatasetImportException(
                $"{sourceName} is the header of a .hdr/.img pair (magic 'ni{version}'); only single-file .nii or .nii.gz volumes can be imported.");
        }

        var shown = Encoding.ASCII.GetString(magic).Replace("\0", "\\0").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\x1A", "\\x1A");
        throw new DatasetImportException(
            $"{sourceName} has a NIfTI-{version} header size but the magic '{shown}' instead of 'n+{version}'; the file is corrupt or not NIfTI.");
    }

    private static long[] ReadDims(Fields fields, int version, string sourceName)
    {
        long Dim(int i) => version == 1 ? fields.Int16(40 + 2 * i) : fields.Int64(16 + 8 * i);
        var count = Dim(0);
        if (count is < 1 or > 7)
        {
            throw new DatasetImportException($"{sourceName}: dim[0] is {count}; the number of dimensions must be between 1 and 7.");
        }

        var dims = new long[count];
        for (var i = 1; i <= count; i++)
        {
            dims[i - 1] = Dim(i);
            if (dims[i - 1] < 1)
            {
                throw new DatasetImportException($"{sourceName}: dim[{i}] is {dims[i - 1]}; every size must be at least 1.");
            }
        }

        return dims;
    }

    private static (double Slope, double Intercept) ReadScaling(Fields fields, int version, string sourceName)
    {
        var slope = version == 1 ? fields.Single(112) : fields.Double(176);
        var intercept = version == 1 ? fields.Single(116) : fields.Double(184);
        if (slope == 0 || !double.IsFinite(slope))
        {
            return (1, 0);
        }

        if (!double.IsFinite(intercept))
        {
            throw new DatasetImportException($"{sourceName}: scl_slope is {slope} but scl_inter is {intercept}; the header is corrupt.");
        }

        return (slope, intercept);
    }

    private static long ReadVoxelOffset(Fields fields, int version, int size, string sourceName)
    {
        var offset = version == 1 ? fields.Single(108) : fields.Int64(168);
        if (!double.IsFinite(offset) || offset < size || offset != Math.Floor(offset) || offset > long.MaxValue / 2)
        {
            throw new DatasetImportException(
                $"{sourceName}: vox_offset is {offset}; in a single-file NIfTI it must be a whole number of bytes past the {size}-byte header.");
        }

        return (long)offset;
    }

    private static double[][]? ReadDirections(Fields fields, int version)
    {
        var qformCode = version == 1 ? fields.Int16(252) : fields.Int32(344);
        var sformCode = version == 1 ? fields.Int16(254) : fields.Int32(348);
        double[][] columns;
        if (sformCode > 0)
        {
            double Row(int row, int column) => version == 1 ? fields.Single(280 + 16 * row + 4 * column) : fields.Double(400 + 32 * row + 8 * column);
            columns = [.. Enumerable.Range(0, 3).Select(c => new[] { Row(0, c), Row(1, c), Row(2, c) })];
        }
        else if (qformCode > 0)
        {
            double Quatern(int n) => version == 1 ? fields.Single(256 + 4 * n) : fields.Double(352 + 8 * n);
            var qfac = (version == 1 ? fields.Single(76) : fields.Double(104)) < 0 ? -1 : 1;
            columns = QuaternionColumns(Quatern(0), Quatern(1), Quatern(2), qfac);
        }
        else
        {
            return null;
        }

        return columns.All(c => c.All(double.IsFinite) && c.Any(v => v != 0)) ? columns : null;
    }

    /// <summary>The rotation of nifti1_io's <c>quatern_to_mat44</c>, as columns, with k multiplied by qfac.</summary>
    private static double[][] QuaternionColumns(double b, double c, double d, int qfac)
    {
        var a = 1 - (b * b + c * c + d * d);
        if (a < 1e-7)
        {
            // Rounding pushed (b, c, d) past unit length: nifti1_io rescales it and takes a rotation by 180 degrees.
            var norm = 1 / Math.Sqrt(b * b + c * c + d * d);
            (a, b, c, d) = (0, b * norm, c * norm, d * norm);
        }
        else
        {
            a = Math.Sqrt(a);
        }

        return
        [
            [a * a + b * b - c * c - d * d, 2 * (b * c + a * d), 2 * (b * d - a * c)],
            [2 * (b * c - a * d), a * a + c * c - b * b - d * d, 2 * (c * d + a * b)],
            [qfac * 2 * (b * d + a * c), qfac * 2 * (c * d - a * b), qfac * (a * a + d * d - c * c - b * b)],
        ];
    }

    private sealed class Fields(byte[] bytes, bool bigEndian)
    {
        public short Int16(int offset) => bigEndian
            ? BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(offset))
            : BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset));

        public int Int32(int offset) => bigEndian
            ? BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset))
            : BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));

        public long Int64(int offset) => bigEndian
            ? BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(offset))
            : BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(offset));

        public double Single(int offset) => bigEndian
            ? BinaryPrimitives.ReadSingleBigEndian(bytes.AsSpan(offset))
            : BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));

        public double Double(int offset) => bigEndian
            ? BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(offset))
            : BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(offset));
    }
}
