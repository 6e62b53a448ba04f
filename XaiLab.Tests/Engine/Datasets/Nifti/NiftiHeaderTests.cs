using System.Buffers.Binary;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Tests.Engine.Datasets.Nifti;

public sealed class NiftiHeaderTests
{
    private static readonly byte[] Nifti1 = NiftiReference.Bytes("n1-le-int16.nii");

    [Fact]
    public void Parse_TakesByteOrderFromTheHeaderSize()
    {
        var little = NiftiHeader.Parse(NiftiReference.Bytes("n1-le-int16.nii"), "a.nii");
        var big = NiftiHeader.Parse(NiftiReference.Bytes("n1-be-int16.nii"), "b.nii");
        var big2 = NiftiHeader.Parse(NiftiReference.Bytes("n2-be-float64.nii"), "c.nii");

        Assert.Equal((1, false), (little.Version, little.BigEndian));
        Assert.Equal((1, true), (big.Version, big.BigEndian));
        Assert.Equal((2, true, 544L), (big2.Version, big2.BigEndian, big2.VoxelOffset));
        Assert.Equal(little.Dims, big.Dims);
    }

    [Fact]
    public void Parse_RefusesHeaderSizeOfNeitherVersion()
    {
        var bytes = Nifti1.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 349);

        var e = Assert.Throws<DatasetImportException>(() => NiftiHeader.Parse(bytes, "a.nii"));

        Assert.Equal(
            "a.nii is not a NIfTI file: its first field (sizeof_hdr) reads 349 little-endian and 1560346624 big-endian, " +
            "neither 348 (NIfTI-1) nor 540 (NIfTI-2).", e.Message);
    }

    [Fact]
    public void Read_SaysWhenAPlainNameHoldsGzip()
    {
        var gzip = NiftiReference.Bytes("n1-le-int16-extension.nii.gz");

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(gzip, "a.nii"));

        Assert.StartsWith("a.nii is not a NIfTI file: ", e.Message);
        Assert.EndsWith("; it is gzip-compressed, so it must be named .nii.gz.", e.Message);
    }

    [Fact]
    public void Read_RefusesFileShorterThanAHeader()
    {
        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(Nifti1[..100], "a.nii"));

        Assert.Equal("a.nii is 100 bytes long, too short for a NIfTI header (348 bytes at least).", e.Message);
    }

    [Theory]
    [InlineData("n1-le-int16.nii", 344, "xy1\0", "a.nii has a NIfTI-1 header size but the magic 'xy1\\0' instead of 'n+1'; the file is corrupt or not NIfTI.")]
    [InlineData("n1-le-int16.nii", 344, "ni1\0", "a.nii is the header of a .hdr/.img pair (magic 'ni1'); only single-file .nii or .nii.gz volumes can be imported.")]
    [InlineData("n2-le-int16.nii", 4, "n+2\0\n\n\x1A\n", "a.nii has a NIfTI-2 header size but the magic 'n+2\\0\\n\\n\\x1A\\n' instead of 'n+2'; the file is corrupt or not NIfTI.")]
    [InlineData("n2-le-int16.nii", 4, "ni2\0\r\n\x1A\n", "a.nii is the header of a .hdr/.img pair (magic 'ni2'); only single-file .nii or .nii.gz volumes can be imported.")]
    public void Parse_RefusesWrongMagic(string file, int offset, string magic, string message)
    {
        var bytes = NiftiReference.Bytes(file);
        System.Text.Encoding.ASCII.GetBytes(magic).CopyTo(bytes, offset);

        var e = Assert.Throws<DatasetImportException>(() => NiftiHeader.Parse(bytes, "a.nii"));

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData(40, 0, "a.nii: dim[0] is 0; the number of dimensions must be between 1 and 7.")]
    [InlineData(40, 8, "a.nii: dim[0] is 8; the number of dimensions must be between 1 and 7.")]
    [InlineData(44, 0, "a.nii: dim[2] is 0; every size must be at least 1.")]
    [InlineData(46, -6, "a.nii: dim[3] is -6; every size must be at least 1.")]
    [InlineData(72, 8, "a.nii: bitpix is 8 but datatype int16 has 16 bits; the header is corrupt.")]
    [InlineData(70, 9999, "a.nii stores an unknown type voxels (datatype 9999); only int8, uint8, int16, uint16, int32, float32 and float64 volumes can be imported.")]
    public void Parse_RefusesLyingFields(int offset, short value, string message)
    {
        var bytes = NiftiReference.WithInt16(Nifti1, (offset, value));

        var e = Assert.Throws<DatasetImportException>(() => NiftiHeader.Parse(bytes, "a.nii"));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Parse_IgnoresDimensionsPastDimZero()
    {
        var bytes = NiftiReference.WithInt16(Nifti1, (40, 2), (46, -1));

        var header = NiftiHeader.Parse(bytes, "a.nii");

        Assert.Equal([12L, 10L], header.Dims);
    }

    [Theory]
    [InlineData(100f)]
    [InlineData(352.5f)]
    [InlineData(float.NaN)]
    [InlineData(-352f)]
    public void Parse_RefusesVoxelOffsetInsideTheHeaderOrFractional(float offset)
    {
        var bytes = NiftiReference.WithSingle(Nifti1, 108, offset);

        var e = Assert.Throws<DatasetImportException>(() => NiftiHeader.Parse(bytes, "a.nii"));

        Assert.Equal($"a.nii: vox_offset is {(double)offset}; in a single-file NIfTI it must be a whole number of bytes past the 348-byte header.", e.Message);
    }

    [Fact]
    public void Parse_HonoursVoxelOffsetPastAnExtension()
    {
        var volume = NiftiReference.Read(NiftiReference.Bytes("n1-le-int16-extension.nii.gz"), "a.nii.gz");

        Assert.Equal(400, volume.Header.VoxelOffset);
        Assert.Equal(NiftiReference.Volume("n1-le-int16-extension.nii.gz").Volumes[0].Voxels[4][3], volume[5, 4, 3]);
    }

    [Fact]
    public void Parse_ScalingAsTheStandardSays()
    {
        var noSlope = NiftiHeader.Parse(NiftiReference.WithSingle(NiftiReference.WithSingle(Nifti1, 112, float.NaN), 116, 7), "a.nii");
        var badIntercept = NiftiReference.WithSingle(NiftiReference.WithSingle(Nifti1, 112, 2), 116, float.PositiveInfinity);

        var e = Assert.Throws<DatasetImportException>(() => NiftiHeader.Parse(badIntercept, "a.nii"));

        Assert.Equal((1.0, 0.0), (noSlope.Slope, noSlope.Intercept));
        Assert.Equal($"a.nii: scl_slope is 2 but scl_inter is {double.PositiveInfinity}; the header is corrupt.", e.Message);
    }

    [Fact]
    public void Parse_QformWithoutCodesGivesNoOrientation()
    {
        var bytes = NiftiReference.WithInt16(NiftiReference.Bytes("n1-le-int16.nii"), (252, 0), (254, 0));

        Assert.NotNull(NiftiHeader.Parse(NiftiReference.Bytes("n1-le-int16.nii"), "a.nii").AxisDirections);
        Assert.Null(NiftiHeader.Parse(bytes, "a.nii").AxisDirections);
    }
}
