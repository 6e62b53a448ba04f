namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// The transfer syntaxes (PS3.5 10, PS3.6 A) by UID: which the reader decodes, and the names of the others, so that a
/// file it leaves out is reported in words ("JPEG Baseline (Process 1) (1.2.840.10008.1.2.4.50) is compressed").
/// Only the three native (uncompressed) syntaxes are read. Everything else is refused from the UID alone, before the
/// data set is parsed: deflate compresses the data set itself, and the encapsulated syntaxes would need a codec for
/// each (the project has none and decodes no DICOM pixels it cannot check against a reference).
/// </summary>
public static class DicomTransferSyntaxes
{
    /// <summary>Implicit VR Little Endian, the DICOM default.</summary>
    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";

    /// <summary>Explicit VR Little Endian, what most modern files use.</summary>
    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>Explicit VR Big Endian, retired in 2004 but still in old archives.</summary>
    public const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";

    private static readonly Dictionary<string, (string Name, bool Compressed)> Known = new(StringComparer.Ordinal)
    {
        [ImplicitVrLittleEndian] = ("Implicit VR Little Endian", false),
        [ExplicitVrLittleEndian] = ("Explicit VR Little Endian", false),
        [ExplicitVrBigEndian] = ("Explicit VR Big Endian", false),
        ["1.2.840.10008.1.2.1.98"] = ("Encapsulated Uncompressed Explicit VR Little Endian", false),
        ["1.2.840.10008.1.2.1.99"] = ("Deflated Explicit VR Little Endian", true),
        ["1.2.840.10008.1.2.4.50"] = ("JPEG Baseline (Process 1)", true),
        ["1.2.840.10008.1.2.4.51"] = ("JPEG Extended (Process 2 & 4)", true),
        ["1.2.840.10008.1.2.4.57"] = ("JPEG Lossless, Non-Hierarchical (Process 14)", true),
        ["1.2.840.10008.1.2.4.70"] = ("JPEG Lossless, Non-Hierarchical, First-Order Prediction", true),
        ["1.2.840.10008.1.2.4.80"] = ("JPEG-LS Lossless", true),
        ["1.2.840.10008.1.2.4.81"] = ("JPEG-LS Lossy (Near-Lossless)", true),
        ["1.2.840.10008.1.2.4.90"] = ("JPEG 2000 (Lossless Only)", true),
        ["1.2.840.10008.1.2.4.91"] = ("JPEG 2000", true),
        ["1.2.840.10008.1.2.4.92"] = ("JPEG 2000 Part 2 Multi-component (Lossless Only)", true),
        ["1.2.840.10008.1.2.4.93"] = ("JPEG 2000 Part 2 Multi-component", true),
        ["1.2.840.10008.1.2.4.94"] = ("JPIP Referenced", false),
        ["1.2.840.10008.1.2.4.95"] = ("JPIP Referenced Deflate", true),
        ["1.2.840.10008.1.2.4.100"] = ("MPEG2 Main Profile / Main Level", true),
        ["1.2.840.10008.1.2.4.102"] = ("MPEG-4 AVC/H.264 High Profile / Level 4.1", true),
        ["1.2.840.10008.1.2.4.107"] = ("HEVC/H.265 Main Profile / Level 5.1", true),
        ["1.2.840.10008.1.2.4.201"] = ("High-Throughput JPEG 2000 (Lossless Only)", true),
        ["1.2.840.10008.1.2.4.203"] = ("High-Throughput JPEG 2000", true),
        ["1.2.840.10008.1.2.5"] = ("RLE Lossless", true),
    };

    /// <summary>Whether the reader decodes files in this syntax (the three native ones).</summary>
    public static bool IsSupported(string uid) =>
        uid is ImplicitVrLittleEndian or ExplicitVrLittleEndian or ExplicitVrBigEndian;

    /// <summary>The syntax's name, or null for a UID not in the table.</summary>
    public static string? Name(string uid) => Known.TryGetValue(uid, out var entry) ? entry.Name : null;

    /// <summary>
    /// Why a file in this syntax is left out, as the notice gives it: "JPEG Baseline (Process 1)
    /// (1.2.840.10008.1.2.4.50) is compressed"; null when the syntax is supported.
    /// </summary>
    public static string? RefusalReason(string uid)
    {
        if (IsSupported(uid))
        {
            return null;
        }

        return Known.TryGetValue(uid, out var entry)
            ? $"{entry.Name} ({uid}) is {(entry.Compressed ? "compressed" : "not supported")}"
            : $"transfer syntax {uid} is unknown";
    }
}
