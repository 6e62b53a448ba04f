namespace XaiLab.Engine.Datasets.Splits;

/// <summary>Patients shared across splits: a test score on them measures memory of the patient, not generalisation.</summary>
public sealed record LeakageReport(IReadOnlyList<SharedPatient> SharedPatients)
{
    /// <summary>Whether any patient is in two or more splits.</summary>
    public bool HasLeakage => SharedPatients.Count > 0;

    /// <summary>Slices that belong to shared patients.</summary>
    public int LeakedSliceCount => SharedPatients.Sum(p => p.SliceCount);

    /// <summary>Lists every patient whose slices span splits, ordered by patient id.</summary>
    public static LeakageReport For(IEnumerable<SplitAssignment> assignments) =>
        new(assignments
            .Where(a => a.Split != DatasetSplit.Unassigned)
            .GroupBy(a => a.PatientId, StringComparer.Ordinal)
            .Select(g => new SharedPatient(g.Key, g.Select(a => a.Split).Distinct().Order().ToList(), g.Count()))
            .Where(p => p.Splits.Count > 1)
            .OrderBy(p => p.PatientId, StringComparer.Ordinal)
            .ToList());
}
