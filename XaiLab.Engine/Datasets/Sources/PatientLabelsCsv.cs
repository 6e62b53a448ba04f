namespace XaiLab.Engine.Datasets.Sources;

/// <summary>
/// The optional CSV that says which patient each file of a dataset belongs to and, optionally, its label: header
/// <c>file,patient_id</c> or <c>file,patient_id,label</c>, <c>file</c> relative to the dataset root (<c>\</c> read as
/// <c>/</c>), fields quoted as in RFC 4180. One parser for every reader that takes it (image folders, NIfTI), so that
/// the same file means the same thing whatever the images are.
/// </summary>
public static class PatientLabelsCsv
{
    /// <summary>
    /// Reads <paramref name="csvPath"/> from <paramref name="tree"/>; an empty map when the tree has no such file.
    /// </summary>
    /// <exception cref="DatasetImportException">
    /// A wrong header, a row with missing or empty fields, a file listed twice, or files that are not in the dataset.
    /// </exception>
    public static IReadOnlyDictionary<string, PatientLabel> Read(DatasetFileTree tree, string csvPath)
    {
        if (!tree.Contains(csvPath))
        {
            return new Dictionary<string, PatientLabel>();
        }

        using var reader = new StreamReader(tree.OpenRead(csvPath));
        var header = SplitLine(reader.ReadLine() ?? string.Empty).Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.Count < 2 || header[0] != "file" || header[1] != "patient_id" || (header.Count > 2 && header[2] != "label"))
        {
            throw new DatasetImportException(
                $"{csvPath}: the header must be 'file,patient_id' or 'file,patient_id,label' (found '{string.Join(",", header)}').");
        }

        var rows = new Dictionary<string, PatientLabel>(StringComparer.Ordinal);
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = SplitLine(line);
            if (fields.Count != header.Count || fields.Take(2).Any(f => f.Trim().Length == 0))
            {
                throw new DatasetImportException(
                    $"{csvPath} line {lineNumber}: expected {header.Count} non-empty fields ({string.Join(",", header)}), found '{line}'.");
            }

            var file = fields[0].Trim().Replace('\\', '/');
            if (!rows.TryAdd(file, new PatientLabel(fields[1].Trim(), header.Count > 2 ? fields[2].Trim() : null)))
            {
                throw new DatasetImportException($"{csvPath} line {lineNumber}: '{file}' is listed twice.");
            }
        }

        var missing = rows.Keys.Where(k => !tree.Contains(k)).Take(3).ToList();
        if (missing.Count > 0)
        {
            throw new DatasetImportException($"{csvPath} lists files that are not in the dataset: {string.Join(", ", missing)}.");
        }

        return rows;
    }

    private static List<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
