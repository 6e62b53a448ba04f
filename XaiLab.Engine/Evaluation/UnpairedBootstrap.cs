namespace XaiLab.Engine.Evaluation;

/// <summary>
/// Percentile bootstrap of the accuracy difference of two independent sets of predictions (a model on two datasets, so
/// nothing pairs the samples): each resample draws every set with replacement on its own, takes accuracy(A) −
/// accuracy(B), and the interval is the empirical quantiles (linear interpolation, as numpy.percentile). For paired
/// samples use <see cref="PairedBootstrap"/>.
/// </summary>
public static class UnpairedBootstrap
{
    /// <summary>Observed difference mean(<paramref name="a"/>) − mean(<paramref name="b"/>) of per-sample correctness and its
    /// (1 − <paramref name="alpha"/>) interval.</summary>
    /// <param name="resamples">Bootstrap resamples; default 2000.</param>
    /// <param name="alpha">1 − confidence; default 0.05 (95% interval).</param>
    /// <param name="seed">Seed of the resampling generator; default 1. A resample draws A's indices, then B's.</param>
    public static BootstrapInterval AccuracyDifference(IReadOnlyList<bool> a, IReadOnlyList<bool> b,
        int resamples = 2000, double alpha = 0.05, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException($"Both sets need at least one sample ({a.Count} and {b.Count}).");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (alpha is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");

        var random = new Random(seed);
        var differences = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            differences[r] = ResampledMean(a, random) - ResampledMean(b, random);
        }
        Array.Sort(differences);
        return new BootstrapInterval(Mean(a) - Mean(b),
            PairedBootstrap.Quantile(differences, alpha / 2), PairedBootstrap.Quantile(differences, 1 - alpha / 2));
    }

    private static double ResampledMean(IReadOnlyList<bool> values, Random random)
    {
        var n = values.Count;
        var hits = 0;
        for (var i = 0; i < n; i++)
        {
            if (values[random.Next(n)]) hits++;
        }
        return hits / (double)n;
    }

    private static double Mean(IReadOnlyList<bool> values) => values.Count(v => v) / (double)values.Count;
}
