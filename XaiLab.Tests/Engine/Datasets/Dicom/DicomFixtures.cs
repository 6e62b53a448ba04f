using System.Text.Json;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Dicom;

namespace XaiLab.Tests.Engine.Datasets.Dicom;

/// <summary>
/// The pydicom-written fixtures under <c>Fixtures/</c> (copied next to the test binaries), the expectations read from
/// them by pydicom, and byte-level helpers for the hand-damaged variants.
/// </summary>
internal static class DicomFixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Engine", "Datasets", "Dicom", "Fixtures");

    public static string TreeFolder => Path.Combine(Root, "tree");

    public static DicomExpected Expected { get; } = JsonSerializer.Deserialize<DicomExpected>(
        File.ReadAllText(Path.Combine(Root, "expected.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>A fixture of <c>Fixtures/files</c> by name (<c>explicit-le-uint12.dcm</c>).</summary>
    public static byte[] Bytes(string fileName) => File.ReadAllBytes(Path.Combine(Root, "files", fileName));

    /// <summary>The expectation of <c>Fixtures/files/&lt;fileName&gt;</c>.</summary>
    public static DicomExpectedFile ExpectedFile(string fileName) => Expected.Files.Single(f => f.File == "files/" + fileName);

    /// <summary>Parses and decodes a whole file as the reader does, refusing what the reader would leave out.</summary>
    public static (DicomHeader Header, double[] Physical) Decode(Stream stream, string name)
    {
        var parser = new DicomFileParser(stream, name);
        var header = parser.ReadHeader();
        Assert.Null(DicomPixelDecoder.RefusalReason(header, name, ImportLimits.Default));
        var pixels = parser.ReadPixelData(header, DicomPixelDecoder.FrameBytes(header));
        return (header, DicomPixelDecoder.PhysicalValues(header, pixels));
    }

    public static (DicomHeader Header, double[] Physical) Decode(byte[] bytes, string name = "x.dcm") => Decode(new MemoryStream(bytes), name);

    /// <summary>Parses the header only.</summary>
    public static DicomHeader Header(byte[] bytes, string name = "x.dcm") => new DicomFileParser(new MemoryStream(bytes), name).ReadHeader();

    /// <summary>
    /// Where the explicit little-endian element <paramref name="tag"/> with <paramref name="vr"/> starts: its tag,
    /// VR and (for short-length VRs) 2-byte length follow in the file. Fails unless it occurs exactly once.
    /// </summary>
    public static int ExplicitLittleEndianOffset(byte[] bytes, uint tag, string vr)
    {
        byte[] pattern = [(byte)(tag >> 16), (byte)(tag >> 24), (byte)tag, (byte)(tag >> 8), (byte)vr[0], (byte)vr[1]];
        var offsets = Enumerable.Range(0, bytes.Length - pattern.Length).Where(i => bytes.AsSpan(i, pattern.Length).SequenceEqual(pattern)).ToList();
        return Assert.Single(offsets);
    }
}
