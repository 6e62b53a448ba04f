using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomTransferSyntaxesTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2")]
    [InlineData("1.2.840.10008.1.2.1")]
    [InlineData("1.2.840.10008.1.2.2")]
    public void RefusalReason_NullForNativeSyntaxes(string uid)
    {
        Assert.True(DicomTransferSyntaxes.IsSupported(uid));
        Assert.Null(DicomTransferSyntaxes.RefusalReason(uid));
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50) is compressed")]
    [InlineData("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (1.2.840.10008.1.2.4.70) is compressed")]
    [InlineData("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless (1.2.840.10008.1.2.4.80) is compressed")]
    [InlineData("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only) (1.2.840.10008.1.2.4.90) is compressed")]
    [InlineData("1.2.840.10008.1.2.5", "RLE Lossless (1.2.840.10008.1.2.5) is compressed")]
    [InlineData("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99) is compressed")]
    [InlineData("1.2.840.10008.1.2.4.94", "JPIP Referenced (1.2.840.10008.1.2.4.94) is not supported")]
    [InlineData("1.2.3.4", "transfer syntax 1.2.3.4 is unknown")]
    public void RefusalReason_NamesTheSyntax(string uid, string reason)
    {
        Assert.False(DicomTransferSyntaxes.IsSupported(uid));
        Assert.Equal(reason, DicomTransferSyntaxes.RefusalReason(uid));
    }
}
