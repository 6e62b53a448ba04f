using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// Turns the raw values <see cref="DicomFileParser"/> kept into numbers and text (PS3.5 6.2): strings are trimmed of
/// the space and NUL padding, IS and DS values are split on <c>\</c>, a US value must be 2 bytes. An empty value (a
/// Type 2 attribute left blank) reads as absent. Text is UTF-8 when SpecificCharacterSet names ISO_IR 192 and
/// Latin-1 otherwise: the default repertoire is ASCII, and Latin-1 keeps any other single-byte set's bytes distinct,
/// which is all a PatientID used as a grouping key needs.
/// </summary>
internal sealed class DicomValueText
{
    private readonly Dictionary<uint, byte[]> values;
    private readonly string name;
    private readonly bool bigEndian;
    private readonly Encoding encoding;

    public DicomValueText(Dictionary<uint, byte[]> values, string name, bool bigEndian)
    {
        this.values = values;
        this.name = name;
        this.bigEndian = bigEndian;
        var characterSet = values.TryGetValue(DicomTags.SpecificCharacterSet, out var raw) ? Encoding.ASCII.GetString(raw) : string.Empty;
        encoding = characterSet.Contains("ISO_IR 192", StringComparison.Ordinal) ? Encoding.UTF8 : Encoding.Latin1;
    }

    /// <summary>The whole value as text, or null when absent or blank.</summary>
    public string? String(uint tag)
    {
        if (!values.TryGetValue(tag, out var raw))
        {
            return null;
        }

        var text = encoding.GetString(raw).Trim('\0', ' ');
        return text.Length == 0 ? null : text;
    }

    /// <summary>The first value of an IS.</summary>
    public int? Integer(uint tag)
    {
        if (String(tag) is not { } text)
        {
            return null;
        }

        var first = text.Split('\\')[0].Trim();
        return int.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Damaged(tag, $"is '{first}', not an integer string");
    }

    /// <summary>The first value of a DS (WindowCenter and WindowWidth may hold several windows; the first is the default).</summary>
    public double? FirstDecimal(uint tag) => Decimals(tag, null)?[0];

    /// <summary>All values of a DS, which must number <paramref name="count"/> when given.</summary>
    public IReadOnlyList<double>? Decimals(uint tag, int? count)
    {
        if (String(tag) is not { } text)
        {
            return null;
        }

        var parts = text.Split('\\');
        if (count is { } expected && parts.Length != expected)
        {
            throw Damaged(tag, $"has {parts.Length} values where it needs {expected}");
        }

        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]) || !double.IsFinite(result[i]))
            {
                throw Damaged(tag, $"is '{text}', not a decimal string");
            }
        }

        return result;
    }

    /// <summary>A single US value.</summary>
    public int? UnsignedShort(uint tag)
    {
        if (!values.TryGetValue(tag, out var raw) || raw.Length == 0)
        {
            return null;
        }

        if (raw.Length != 2)
        {
            throw Damaged(tag, $"declares {raw.Length} bytes, but its single US value has 2");
        }

        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(raw) : BinaryPrimitives.ReadUInt16LittleEndian(raw);
    }

    private DatasetImportException Damaged(uint tag, string what) =>
        new($"{name} is damaged: {DicomDictionary.Describe(tag)} {what}.");
}
