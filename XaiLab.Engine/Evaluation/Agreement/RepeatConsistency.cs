namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>
/// Intra-rater consistency from repeated items: the rater is compared with themself as if the first and the repeated
/// presentation were two raters (test-retest reliability), by exact agreement, mean absolute difference and
/// quadratic-weighted Cohen's kappa.
/// </summary>
public static class RepeatConsistency
{
    /// <summary>Consistency of (first, repeat) rating pairs on the scale <paramref name="minimum"/>..<paramref name="maximum"/>.</summary>
    public static RepeatAgreement Compute(IReadOnlyList<(int First, int Repeat)> pairs, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return new RepeatAgreement(0, double.NaN, double.NaN, double.NaN);
        }
        var exact = pairs.Count(p => p.First == p.Repeat) / (double)pairs.Count;
        var difference = pairs.Average(p => Math.Abs(p.First - p.Repeat));
        var kappa = pairs.Count < 2
            ? double.NaN
            : CohenKappa.FromRatings([.. pairs.Select(p => p.First)], [.. pairs.Select(p => p.Repeat)], minimum, maximum,
                KappaWeighting.Quadratic);
        return new RepeatAgreement(pairs.Count, exact, difference, kappa);
    }
}
