namespace XaiLab.Engine.Datasets.Splits;

/// <summary>Patients whose slices sit in more than one split: each one leaks between training and evaluation.</summary>
/// <param name="SharedPatients">Patient id and the splits it appears in, ordered by patient id.</param>
public sealed record LeakageReport(IReadOnlyList<(string PatientId, DatasetSplit[] Splits)> SharedPatients)
{
    public bool HasLeaks => SharedPatients.Count > 0;

    public static LeakageReport For(IReadOnlyList<SplitItem> items, IReadOnlyList<DatasetSplit> splits)
    {
        if (items.Count != splits.Count)
        {
            throw new ArgumentException("Every item needs its split.", nameof(splits));
        }
        var shared = Enumerable.Range(0, items.Count)
            .GroupBy(i => items[i].PatientId, StringComparer.Ordinal)
            .Select(g => (PatientId: g.Key, Splits: g.Select(i => splits[i]).Distinct().Order().ToArray()))
            .Where(p => p.Splits.Length > 1)
            .OrderBy(p => p.PatientId, StringComparer.Ordinal)
            .ToList();
        return new LeakageReport(shared);
    }
}
