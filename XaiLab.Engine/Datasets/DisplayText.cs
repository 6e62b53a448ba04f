using System.Globalization;
using System.Text;

namespace XaiLab.Engine.Datasets;

/// <summary>
/// Text taken from files (ZIP entry names, folder names, HDF5 strings) made safe to store and show: control characters,
/// format characters (bidirectional overrides such as U+202E that reverse what a reader sees, zero-width characters) and
/// unpaired surrogates are dropped, whitespace runs become one space, and the result is trimmed and capped.
/// </summary>
public static class DisplayText
{
    /// <summary>The cleaned text; <paramref name="fallback"/> when nothing printable remains.</summary>
    public static string Clean(string? text, int maxLength, string fallback)
    {
        var cleaned = new StringBuilder((text ?? string.Empty).Length);
        var space = false;
        foreach (var rune in (text ?? string.Empty).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune))
            {
                space = cleaned.Length > 0;
                continue;
            }
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned || rune == Rune.ReplacementChar)
            {
                continue;
            }
            if (space)
            {
                cleaned.Append(' ');
                space = false;
            }
            cleaned.Append(rune.ToString());
            if (cleaned.Length >= maxLength) break;
        }
        var result = cleaned.Length > maxLength ? cleaned.ToString(0, maxLength) : cleaned.ToString();
        return result.Length == 0 ? fallback : result;
    }
}
