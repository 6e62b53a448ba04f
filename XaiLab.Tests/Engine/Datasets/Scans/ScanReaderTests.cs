using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Scans;
using XaiLab.Engine.Imaging;
using XaiLab.Tests.Engine.Datasets.Dicom;
using XaiLab.Tests.Engine.Datasets.Nifti;

namespace XaiLab.Tests.Engine.Datasets.Scans;

/// <summary>One uploaded scan becomes the slice an import would store: images, DICOM files and NIfTI slices, and the imports' refusals.</summary>
public sealed class ScanReaderTests
{
    [Fact]
    public void Read_PngIsTheImageTheImportDecodes()
    {
        var image = new SliceImage(3, 2, [0, 100, 200, 300, 65535, 7]);

        var scan = ScanReader.Read(Png16Codec.Encode(image), "scan.png");

        Assert.Equal(ScanFormat.Image, scan.Format);
        Assert.Equal(image.Pixels, scan.Image.Pixels);
        Assert.Equal(16, scan.Image.BitDepth);
        Assert.Null(scan.Metadata);
    }

    [Fact]
    public void Read_DicomFileMapsItsPhysicalRangeTo16Bits_AndKeepsItsWindow()
    {
        var expected = DicomFixtures.ExpectedFile("implicit-le-ct-int16.dcm");

        // A name without an extension, as DICOM files often have: the preamble says what it is.
        var scan = ScanReader.Read(DicomFixtures.Bytes("implicit-le-ct-int16.dcm"), "IM0001");

        Assert.Equal(ScanFormat.Dicom, scan.Format);
        Assert.Equal((expected.Columns, expected.Rows), (scan.Image.Width, scan.Image.Height));
        var metadata = scan.Metadata!;
        Assert.Equal(expected.WindowCenter, metadata.WindowCenter);
        Assert.Equal(expected.WindowWidth, metadata.WindowWidth);
        // stored * scale + offset gives back pydicom's physical values.
        var physical = expected.Physical!;
        var step = (physical.Max() - physical.Min()) / 65535;
        for (var i = 0; i < physical.Length; i++)
        {
            Assert.Equal(physical[i], scan.Image.Pixels[i] * metadata.ValueScale!.Value + metadata.ValueOffset!.Value, step / 2 + 1e-9);
        }
        Assert.Equal(0, scan.Image.Pixels.Min());
        Assert.Equal(65535, scan.Image.Pixels.Max());
    }

    [Fact]
    public void Read_CompressedDicomIsRefusedNamingItsSyntax()
    {
        var error = Assert.Throws<DatasetImportException>(() => ScanReader.Read(DicomFixtures.Bytes("jpeg-baseline.dcm"), "x.dcm"));

        Assert.Contains("x.dcm is refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.2.840.10008.1.2.4.50", error.Message, StringComparison.Ordinal);
        Assert.Contains("compressed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NiftiSliceIsTheOneTheImportCuts()
    {
        var bytes = NiftiReference.Bytes("n1-le-int16.nii");
        var imported = new XaiLab.Engine.Datasets.Nifti.NiftiVolumeSlicer(NiftiReference.Read(bytes, "v.nii"), null, 2);

        var scan = ScanReader.Read(bytes, "v.nii", new ScanOptions(Slice: 3));

        Assert.Equal(ScanFormat.Nifti, scan.Format);
        Assert.Equal(imported.Image(3).Pixels, scan.Image.Pixels);
        Assert.Equal((2, 3, 6), (scan.Metadata!.Axis, scan.Metadata.Position, scan.Metadata.Count));
        Assert.Equal(imported.ValueScale, scan.Metadata.ValueScale);
    }

    [Theory]
    [InlineData(null, "has 6 slices along axis 2: say which one with slice (0 to 5)")]
    [InlineData(6, "slice 6 is outside v.nii, which has 6 slices along axis 2 (0 to 5)")]
    public void Read_NiftiVolumeNeedsASliceInside(int? slice, string message)
    {
        var error = Assert.Throws<DatasetImportException>(() => ScanReader.Read(NiftiReference.Bytes("n1-le-int16.nii"), "v.nii", new ScanOptions(slice)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FourDimensionalNiftiNeedsAVolumeIndex_GzipByName()
    {
        var error = Assert.Throws<DatasetImportException>(() =>
            ScanReader.Read(NiftiReference.Gzip(NiftiReference.Bytes("n1-le-int16-4d.nii")), "series.nii.gz", new ScanOptions(0)));
        Assert.Contains("volume", error.Message, StringComparison.OrdinalIgnoreCase);

        var scan = ScanReader.Read(NiftiReference.Gzip(NiftiReference.Bytes("n1-le-int16-4d.nii")), "series.nii.gz", new ScanOptions(0, VolumeIndex: 1));
        Assert.Equal(ScanFormat.Nifti, scan.Format);
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, "x.bin")]
    public void Read_SomethingElseIsRefused(byte[] data, string message)
    {
        var error = Assert.Throws<DatasetImportException>(() => ScanReader.Read(data, "x.bin"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
