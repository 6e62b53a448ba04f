namespace XaiLab.Engine.Datasets.Splits;

/// <summary>Output of <see cref="PatientGroupedSplitter.Split"/>.</summary>
/// <param name="Assignments">One per input slice, in input order.</param>
/// <param name="Preset">The preset used.</param>
/// <param name="Seed">The seed used; the same input, preset, ratios and seed give the same assignments.</param>
/// <param name="Warnings">Things a user should know: the leakage of <see cref="SplitPreset.PaperRandom"/>, classes too small to reach every split.</param>
public sealed record SplitResult(IReadOnlyList<SplitAssignment> Assignments, SplitPreset Preset, int Seed, IReadOnlyList<string> Warnings)
{
    /// <summary>Number of slices in <paramref name="split"/>.</summary>
    public int Count(DatasetSplit split) => Assignments.Count(a => a.Split == split);
}
