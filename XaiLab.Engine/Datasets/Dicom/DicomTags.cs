namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// The DICOM tags the reader looks at, as <c>group &lt;&lt; 16 | element</c>. Only these are kept from a file; every
/// other element, patient name, birth date and the other identifying attributes included, is skipped unread.
/// </summary>
internal static class DicomTags
{
    public const uint TransferSyntaxUid = 0x0002_0010;
    public const uint SpecificCharacterSet = 0x0008_0005;
    public const uint PatientId = 0x0010_0020;
    public const uint SeriesInstanceUid = 0x0020_000E;
    public const uint InstanceNumber = 0x0020_0013;
    public const uint ImagePositionPatient = 0x0020_0032;
    public const uint ImageOrientationPatient = 0x0020_0037;
    public const uint SamplesPerPixel = 0x0028_0002;
    public const uint PhotometricInterpretation = 0x0028_0004;
    public const uint NumberOfFrames = 0x0028_0008;
    public const uint Rows = 0x0028_0010;
    public const uint Columns = 0x0028_0011;
    public const uint BitsAllocated = 0x0028_0100;
    public const uint BitsStored = 0x0028_0101;
    public const uint HighBit = 0x0028_0102;
    public const uint PixelRepresentation = 0x0028_0103;
    public const uint WindowCenter = 0x0028_1050;
    public const uint WindowWidth = 0x0028_1051;
    public const uint RescaleIntercept = 0x0028_1052;
    public const uint RescaleSlope = 0x0028_1053;
    public const uint PixelData = 0x7FE0_0010;

    /// <summary>Start of a sequence item (PS3.5 7.5); it has no VR in any transfer syntax.</summary>
    public const uint Item = 0xFFFE_E000;

    /// <summary>End of an item of undefined length.</summary>
    public const uint ItemDelimitation = 0xFFFE_E00D;

    /// <summary>End of a sequence of undefined length.</summary>
    public const uint SequenceDelimitation = 0xFFFE_E0DD;

    /// <summary>The tag as DICOM writes it in text, <c>(0028,0010)</c>.</summary>
    public static string Format(uint tag) => $"({tag >> 16:X4},{tag & 0xFFFF:X4})";
}
