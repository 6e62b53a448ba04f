using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Nifti;

namespace XaiLab.Tests.Engine.Datasets.Nifti;

public sealed class NiftiVolumeTests
{
    public static TheoryData<string> NibabelFiles() => [.. NiftiReference.Volumes.Select(v => v.File)];

    [Theory]
    [MemberData(nameof(NibabelFiles))]
    public void Read_MatchesNibabel(string file)
    {
        var expected = NiftiReference.Volume(file);

        for (var v = 0; v < expected.Volumes.Count; v++)
        {
            var volume = NiftiReference.Read(NiftiReference.Bytes(file), file, volumeIndex: v);

            Assert.Equal(expected.Shape.Take(3), volume.Shape);
            Assert.Equal(expected.Shape, volume.Header.Dims.Select(d => (int)d));
            Assert.Equal(v, volume.VolumeIndex);
            Assert.Equal(expected.Version, volume.Header.Version);
            Assert.Equal(expected.Endianness == "big", volume.Header.BigEndian);
            Assert.Equal(expected.Datatype, volume.Header.DataType.ToString().ToLowerInvariant());
            Assert.Equal(expected.VoxOffset, volume.Header.VoxelOffset);
            Assert.Equal((expected.Slope, expected.Inter), (volume.Header.Slope, volume.Header.Intercept));
            foreach (var voxel in expected.Volumes[v].Voxels)
            {
                var (i, j, k, value) = ((int)voxel[0], (int)voxel[1], (int)voxel[2], voxel[3]);
                Assert.Equal(value, volume[i, j, k], 1e-9 * Math.Max(1, Math.Abs(value)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(NibabelFiles))]
    public void Read_OrientationAgreesWithNibabel(string file)
    {
        var expected = NiftiReference.Volume(file);

        var directions = NiftiReference.Read(NiftiReference.Bytes(file), file, volumeIndex: 0).Header.AxisDirections;

        Assert.Equal(expected.TowardRas, directions?.Select(d => d[Array.IndexOf(d, d.MaxBy(Math.Abs))] > 0).ToArray());
    }

    [Fact]
    public void Read_RefusesDatatypesOutsideTheSupportedSet()
    {
        Assert.Equal(2, NiftiReference.Refused.Count);
        foreach (var refused in NiftiReference.Refused)
        {
            var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(NiftiReference.Bytes(refused.File), refused.File));

            Assert.Equal(
                $"{refused.File} stores {refused.Datatype} voxels (datatype {refused.Code}); only int8, uint8, int16, uint16, int32, " +
                "float32 and float64 volumes can be imported.", e.Message);
        }
    }

    [Fact]
    public void Read_SlopeZeroIgnoresTheIntercept()
    {
        var plain = NiftiReference.Read(NiftiReference.Bytes("n1-le-int16.nii"), "a.nii");
        var slopeZero = NiftiReference.Read(NiftiReference.Bytes("n1-le-int16-slope0.nii"), "b.nii");

        Assert.Equal((1.0, 0.0), (slopeZero.Header.Slope, slopeZero.Header.Intercept));
        Assert.Equal(plain[5, 4, 3], slopeZero[5, 4, 3]);
        Assert.NotEqual(0, plain[5, 4, 3]);
    }

    [Fact]
    public void Read_RefusesFourDimensionalSeriesWithoutVolumeIndex()
    {
        var bytes = NiftiReference.Bytes("n1-le-int16-4d.nii");

        var none = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a/s.nii"));
        var past = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a/s.nii", volumeIndex: 3));

        Assert.Equal("a/s.nii is a 4-D series of 3 volumes (dim[4] is 3); set the NIfTI option VolumeIndex (0 to 2) to import one of them.", none.Message);
        Assert.Equal("a/s.nii is a 4-D series of 3 volumes; VolumeIndex 3 is past the last (2).", past.Message);
    }

    [Fact]
    public void Read_ThreeDimensionalFileIgnoresVolumeIndex()
    {
        var volume = NiftiReference.Read(NiftiReference.Bytes("n1-le-int16.nii"), "a.nii", volumeIndex: 2);

        Assert.Equal(0, volume.VolumeIndex);
        Assert.Equal(NiftiReference.Volume("n1-le-int16.nii").Volumes[0].Voxels[4][3], volume[5, 4, 3]);
    }

    [Fact]
    public void Read_RefusesDimensionsPastTheFourth()
    {
        var bytes = NiftiReference.WithInt16(NiftiReference.Bytes("n1-le-int16.nii"), (40, 5), (48, 1), (50, 2));

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a.nii"));

        Assert.Equal("a.nii has 5-D data (dim[5] is 2); only 3-D volumes and 4-D series can be imported.", e.Message);
    }

    [Theory]
    [InlineData(1000, "a.nii is truncated: its header declares 1,792 bytes (voxels from byte 352 on) but the file holds 1,000.")]
    [InlineData(352, "a.nii is truncated: its header declares 1,792 bytes (voxels from byte 352 on) but the file holds 352.")]
    public void Read_RefusesTruncatedFile(int length, string message)
    {
        var bytes = NiftiReference.Bytes("n1-le-int16.nii")[..length];

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a.nii"));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Read_RefusesGzippedFileThatDecompressesShort()
    {
        var bytes = NiftiReference.Gzip(NiftiReference.Bytes("n1-le-int16.nii")[..1500]);

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a.nii.gz"));

        Assert.Equal("a.nii.gz is truncated: its header declares 1,792 bytes (voxels from byte 352 on) but the file decompresses to 1,500.", e.Message);
    }

    [Fact]
    public void Read_RefusesCutOrCorruptGzipStream()
    {
        var gzip = NiftiReference.Bytes("n1-le-int16-extension.nii.gz");
        var badCrc = gzip.ToArray();
        badCrc[^8] ^= 0xFF;

        var cut = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(gzip[..(gzip.Length - 20)], "a.nii.gz"));
        var corrupt = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(badCrc, "a.nii.gz"));

        Assert.StartsWith("a.nii.gz is truncated: its header declares 1,840 bytes (voxels from byte 400 on) but the file decompresses to ", cut.Message);
        Assert.StartsWith("a.nii.gz is corrupt: its gzip stream cannot be decompressed (", corrupt.Message);
    }

    [Fact]
    public void Read_StopsGzipBombAtTheVolumeLimit()
    {
        // An honest 1,792-byte volume followed by 4 MB of zeros: about 6 KB compressed.
        var bomb = NiftiReference.Gzip([.. NiftiReference.Bytes("n1-le-int16.nii"), .. new byte[4 << 20]]);
        var limits = ImportLimits.Default with { MaxVolumeBytes = 100_000 };

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bomb, "a/bomb.nii.gz", limits));

        Assert.True(bomb.Length < 10_000, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(
            "a/bomb.nii.gz expands to more than 100,000 bytes, the limit for one volume file (ImportLimits.MaxVolumeBytes); it is refused (a gzip bomb?).",
            e.Message);
        Assert.Equal(12, NiftiReference.Read(bomb, "a/bomb.nii.gz").Shape[0]);
    }

    [Fact]
    public void Read_RefusesHeaderDeclaringMoreThanTheVolumeLimit()
    {
        var bytes = NiftiReference.Gzip(NiftiReference.WithInt16(NiftiReference.Bytes("n1-le-int16.nii"), (42, 200), (44, 200), (46, 200)));
        var limits = ImportLimits.Default with { MaxVolumeBytes = 1_000_000 };

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a.nii.gz", limits));

        Assert.Equal(
            "a.nii.gz declares 16,000,352 bytes of header and voxels (200x200x200 int16), more than the limit of 1,000,000 bytes " +
            "for one volume file (ImportLimits.MaxVolumeBytes).", e.Message);
    }

    [Fact]
    public void Read_RefusesSidesPastTheImageLimit()
    {
        var limits = ImportLimits.Default with { MaxImageSide = 10 };

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(NiftiReference.Bytes("n1-le-int16.nii"), "a.nii", limits));

        Assert.Equal("a.nii declares 12x10x6 voxels in space; each side must be at most 10 (ImportLimits.MaxImageSide).", e.Message);
    }

    [Fact]
    public void Read_RefusesDimensionsWhoseProductOverflows()
    {
        var bytes = NiftiReference.Bytes("n2-le-int16.nii");
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), 4);
        foreach (var (dim, size) in new[] { (1, 8192L), (2, 8192L), (3, 8192L), (4, 1L << 40) })
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16 + 8 * dim), size);
        }

        var e = Assert.Throws<DatasetImportException>(() => NiftiReference.Read(bytes, "a.nii"));

        Assert.Equal("a.nii declares 8192x8192x8192x1099511627776 voxels, too many to count; the header is corrupt.", e.Message);
    }
}
