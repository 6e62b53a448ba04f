using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

public sealed class DicomPixelDecoderTests
{
    private static readonly DicomHeader Gray16 = new()
    {
        TransferSyntaxUid = DicomTransferSyntaxes.ExplicitVrLittleEndian,
        SamplesPerPixel = 1,
        PhotometricInterpretation = "MONOCHROME2",
        Rows = 1,
        Columns = 2,
        BitsAllocated = 16,
        BitsStored = 16,
        HighBit = 15,
        PixelRepresentation = 0,
        PixelDataLength = 4,
        PixelDataVr = "OW",
    };

    [Fact]
    public void PhysicalValues_ShiftsByHighBitMasksAndSignExtends()
    {
        // 12 bits stored in the top of the word (HighBit 15), with garbage in the 4 low bits.
        var header = Gray16 with { BitsStored = 12, HighBit = 15 };
        byte[] pixels = [0xFA, 0xFF, 0x15, 0x80];

        Assert.Equal([4095, 2049], DicomPixelDecoder.PhysicalValues(header, pixels));
        Assert.Equal([-1, -2047], DicomPixelDecoder.PhysicalValues(header with { PixelRepresentation = 1 }, pixels));
    }

    [Fact]
    public void PhysicalValues_AppliesRescaleAndEndianness()
    {
        var header = Gray16 with { BigEndian = true, PixelRepresentation = 1, RescaleSlope = 0.5, RescaleIntercept = -10 };

        Assert.Equal([-10.5, 116], DicomPixelDecoder.PhysicalValues(header, [0xFF, 0xFF, 0x00, 0xFC]));
    }

    [Fact]
    public void PhysicalValues_UnswapsEightBitSamplesInBigEndianOw()
    {
        var header = Gray16 with { BigEndian = true, BitsAllocated = 8, BitsStored = 8, HighBit = 7, Columns = 3 };

        Assert.Equal(4, DicomPixelDecoder.FrameBytes(header));
        Assert.Equal([2, 1, 4], DicomPixelDecoder.PhysicalValues(header, [1, 2, 0, 4]));
        Assert.Equal(3, DicomPixelDecoder.FrameBytes(header with { PixelDataVr = "OB" }));
        Assert.Equal([1, 2, 0], DicomPixelDecoder.PhysicalValues(header with { PixelDataVr = "OB" }, [1, 2, 0]));
    }

    [Theory]
    [InlineData(3, "MONOCHROME2", 16, 1, "SamplesPerPixel 3 (colour) is not supported")]
    [InlineData(1, "PALETTE COLOR", 16, 1, "PhotometricInterpretation PALETTE COLOR is not supported")]
    [InlineData(1, "MONOCHROME2", 32, 1, "BitsAllocated 32 is not supported")]
    [InlineData(1, "MONOCHROME2", 1, 1, "BitsAllocated 1 is not supported")]
    [InlineData(1, "MONOCHROME1", 16, 4, "multi-frame images (NumberOfFrames > 1) are not supported")]
    public void RefusalReason_NamesWhatIsNotSupported(int samples, string photometric, int bitsAllocated, int frames, string reason)
    {
        var header = Gray16 with { SamplesPerPixel = samples, PhotometricInterpretation = photometric, BitsAllocated = bitsAllocated, NumberOfFrames = frames };

        Assert.Equal(reason, DicomPixelDecoder.RefusalReason(header, "x.dcm", ImportLimits.Default));
    }

    [Fact]
    public void RefusalReason_NullForSupportedImages()
    {
        Assert.Null(DicomPixelDecoder.RefusalReason(Gray16, "x.dcm", ImportLimits.Default));
        Assert.Null(DicomPixelDecoder.RefusalReason(Gray16 with { BitsStored = 12, HighBit = 11, PixelRepresentation = 1 }, "x.dcm", ImportLimits.Default));
    }

    [Fact]
    public void RefusalReason_RejectsMissingAttributes()
    {
        var e = Assert.Throws<DatasetImportException>(() => DicomPixelDecoder.RefusalReason(Gray16 with { PixelRepresentation = null }, "a/x", ImportLimits.Default));

        Assert.Equal("a/x lacks PixelRepresentation (0028,0103), which its PixelData needs.", e.Message);
    }

    [Theory]
    [InlineData(17, 16, "a/x is damaged: BitsStored 17 with HighBit 16 does not fit in BitsAllocated 16.")]
    [InlineData(12, 10, "a/x is damaged: BitsStored 12 with HighBit 10 does not fit in BitsAllocated 16.")]
    [InlineData(0, 15, "a/x is damaged: BitsStored 0 with HighBit 15 does not fit in BitsAllocated 16.")]
    public void RefusalReason_RejectsContradictoryBits(int stored, int highBit, string message)
    {
        var e = Assert.Throws<DatasetImportException>(() => DicomPixelDecoder.RefusalReason(Gray16 with { BitsStored = stored, HighBit = highBit }, "a/x", ImportLimits.Default));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void RefusalReason_RejectsImagesBeyondTheLimits()
    {
        var limits = ImportLimits.Default with { MaxImageSide = 512 };

        var e = Assert.Throws<DatasetImportException>(() => DicomPixelDecoder.RefusalReason(Gray16 with { Rows = 513 }, "a/x", limits));

        Assert.Equal("a/x declares 2x513 pixels; each side must be between 1 and 512.", e.Message);
    }
}
