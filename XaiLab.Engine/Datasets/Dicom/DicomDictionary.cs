namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// The little of the DICOM data dictionary (PS3.6) the reader needs: the VR and keyword of each tag in
/// <see cref="DicomTags"/>, because implicit-VR files do not say the VR; and which VRs have a 4-byte length in explicit
/// VR (PS3.5 7.1.2). Tags not listed read as <c>UN</c> in implicit VR: their values are skipped, and an undefined
/// length marks them as sequences (PS3.5 7.5.1), which is all a skip needs.
/// </summary>
internal static class DicomDictionary
{
    private static readonly Dictionary<uint, (string Vr, string Keyword)> Entries = new()
    {
        [DicomTags.TransferSyntaxUid] = ("UI", "TransferSyntaxUID"),
        [DicomTags.SpecificCharacterSet] = ("CS", "SpecificCharacterSet"),
        [DicomTags.PatientId] = ("LO", "PatientID"),
        [DicomTags.SeriesInstanceUid] = ("UI", "SeriesInstanceUID"),
        [DicomTags.InstanceNumber] = ("IS", "InstanceNumber"),
        [DicomTags.ImagePositionPatient] = ("DS", "ImagePositionPatient"),
        [DicomTags.ImageOrientationPatient] = ("DS", "ImageOrientationPatient"),
        [DicomTags.SamplesPerPixel] = ("US", "SamplesPerPixel"),
        [DicomTags.PhotometricInterpretation] = ("CS", "PhotometricInterpretation"),
        [DicomTags.NumberOfFrames] = ("IS", "NumberOfFrames"),
        [DicomTags.Rows] = ("US", "Rows"),
        [DicomTags.Columns] = ("US", "Columns"),
        [DicomTags.BitsAllocated] = ("US", "BitsAllocated"),
        [DicomTags.BitsStored] = ("US", "BitsStored"),
        [DicomTags.HighBit] = ("US", "HighBit"),
        [DicomTags.PixelRepresentation] = ("US", "PixelRepresentation"),
        [DicomTags.WindowCenter] = ("DS", "WindowCenter"),
        [DicomTags.WindowWidth] = ("DS", "WindowWidth"),
        [DicomTags.RescaleIntercept] = ("DS", "RescaleIntercept"),
        [DicomTags.RescaleSlope] = ("DS", "RescaleSlope"),
        [DicomTags.PixelData] = ("OW", "PixelData"),
    };

    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private static readonly HashSet<string> ShortLengthVrs =
        ["AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US"];

    /// <summary>Whether the reader keeps the value of <paramref name="tag"/>.</summary>
    public static bool IsRead(uint tag) => Entries.ContainsKey(tag);

    /// <summary>The VR of a tag in an implicit-VR data set: the dictionary's for the tags read, <c>UN</c> for the rest.</summary>
    public static string ImplicitVr(uint tag) => Entries.TryGetValue(tag, out var entry) ? entry.Vr : "UN";

    /// <summary>The tag and its keyword for messages: <c>Rows (0028,0010)</c>.</summary>
    public static string Describe(uint tag) =>
        Entries.TryGetValue(tag, out var entry) ? $"{entry.Keyword} {DicomTags.Format(tag)}" : DicomTags.Format(tag);

    /// <summary>Whether an explicit-VR element of this VR has a reserved 2 bytes and a 4-byte length.</summary>
    public static bool HasLongLength(string vr) => LongLengthVrs.Contains(vr);

    /// <summary>Whether <paramref name="vr"/> is a VR of PS3.5 6.2 (anything else means the file is not what it says).</summary>
    public static bool IsKnownVr(string vr) => LongLengthVrs.Contains(vr) || ShortLengthVrs.Contains(vr);
}
