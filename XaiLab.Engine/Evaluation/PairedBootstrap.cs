namespace XaiLab.Engine.Evaluation;

/// <summary>
/// Percentile bootstrap of the accuracy difference of two classifiers on the same samples: resample sample indices with
/// replacement (the same indices for both, so the pairing is kept), take accuracy(A) - accuracy(B) per resample, and
/// report the empirical quantiles (linear interpolation, as numpy.percentile).
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Observed difference and its (1 - <paramref name="alpha"/>) interval.</summary>
    /// <param name="resamples">Bootstrap resamples; default 2000.</param>
    /// <param name="alpha">1 - confidence; default 0.05 (95% interval).</param>
    /// <param name="seed">Seed of the resampling generator; default 1.</param>
    public static BootstrapInterval AccuracyDifference(IReadOnlyList<int> labels, IReadOnlyList<int> a, IReadOnlyList<int> b,
        int resamples = 2000, double alpha = 0.05, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != labels.Count || b.Count != labels.Count || labels.Count == 0)
        {
            throw new ArgumentException($"{labels.Count} labels but {a.Count} and {b.Count} predictions; need at least one sample.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (alpha is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");

        var n = labels.Count;
        // Per sample: +1 when only A is right, -1 when only B is, 0 otherwise; the mean is the accuracy difference.
        var delta = new int[n];
        for (var i = 0; i < n; i++)
        {
            delta[i] = (a[i] == labels[i] ? 1 : 0) - (b[i] == labels[i] ? 1 : 0);
        }
        var random = new Random(seed);
        var differences = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            long sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += delta[random.Next(n)];
            }
            differences[r] = sum / (double)n;
        }
        Array.Sort(differences);
        return new BootstrapInterval(delta.Average(), Quantile(differences, alpha / 2), Quantile(differences, 1 - alpha / 2));
    }

    /// <summary>numpy's default (linear) quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
