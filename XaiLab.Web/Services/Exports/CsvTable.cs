using System.Globalization;
using System.Text;

namespace XaiLab.Web.Services.Exports;

/// <summary>
/// RFC 4180 CSV of a header and rows; numbers in invariant culture, so every spreadsheet reads them alike. The one CSV
/// writer of the app: every export goes through it, so text cells that a spreadsheet would run as a formula (starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return: names, tags, notes, comments, class names) are
/// defused with a leading apostrophe (OWASP's advice); numbers are written as numbers, negative ones included.
/// </summary>
public static class CsvTable
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {header.Count} columns.", nameof(rows));
            }
            AppendRow(text, row);
        }
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            text.Append(Escape(cell));
        }
        text.Append("\r\n");
    }

    private static string Escape(object? cell)
    {
        var value = cell switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => Defuse(cell.ToString() ?? string.Empty),
        };
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Text that a spreadsheet would run as a formula, made inert.</summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
