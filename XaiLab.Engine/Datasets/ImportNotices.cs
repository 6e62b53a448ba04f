namespace XaiLab.Engine.Datasets;

/// <summary>
/// What an import left out without failing, collected while the readers stream (one import, one thread): each notice
/// names the file and the reason, and <see cref="Summary"/> counts them by reason for the dataset's warnings.
/// </summary>
public sealed class ImportNotices
{
    private readonly List<ImportNotice> items = [];

    public IReadOnlyList<ImportNotice> Items => items;

    public void Add(string file, string reason) => items.Add(new ImportNotice(file, reason));

    /// <summary>One line per reason: "3 files skipped: JPEG Baseline (1.2.840.10008.1.2.4.50) is compressed (first: a/b.dcm)".</summary>
    public IReadOnlyList<string> Summary() => items
        .GroupBy(n => n.Reason, StringComparer.Ordinal)
        .Select(g => $"{g.Count()} file{(g.Count() == 1 ? "" : "s")} skipped: {g.Key} (first: {g.First().File})")
        .ToList();
}
