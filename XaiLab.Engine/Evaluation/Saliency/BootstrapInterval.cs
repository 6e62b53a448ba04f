namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Percentile bootstrap confidence interval of a mean (Efron and Tibshirani 1993, ch. 13): resample the values with
/// replacement, take each resample's mean, and cut the sorted means at (1 - confidence) / 2 and (1 + confidence) / 2 with
/// numpy's linear interpolation. Seeded, so a scorecard is reproducible. NaN values are ignored (e.g. an AUC over an
/// empty mask).
/// </summary>
public static class BootstrapInterval
{
    /// <summary>Mean and interval of <paramref name="values"/>.</summary>
    /// <param name="values">At least one finite value.</param>
    /// <param name="confidence">Coverage; default 0.95.</param>
    /// <param name="resamples">Bootstrap resamples; default 2000.</param>
    /// <param name="seed">Seed of the resampling; default 1.</param>
    public static MeanInterval OfMean(IEnumerable<double> values, double confidence = 0.95, int resamples = 2000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must be in (0, 1).");
        var data = values.Where(v => !double.IsNaN(v)).ToArray();
        if (data.Length == 0) throw new ArgumentException("No values to average.", nameof(values));

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < data.Length; i++) sum += data[random.Next(data.Length)];
            means[r] = sum / data.Length;
        }
        Array.Sort(means);
        var alpha = (1 - confidence) / 2;
        return new MeanInterval(data.Average(), Quantile(means, alpha), Quantile(means, 1 - alpha), data.Length);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
