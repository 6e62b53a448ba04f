using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>
/// How well human ratings follow an automatic score: Spearman's rho of the paired values (ties at average rank, see
/// <see cref="SpearmanRank"/>), pairs with a NaN on either side left out, and a Fisher-z interval with the standard error
/// sqrt(1.06 / (n - 3)) of Fieller, Hartley and Pearson (1957) for Spearman's coefficient.
/// </summary>
public static class ScoreCorrelation
{
    /// <summary>Correlation of <paramref name="ratings"/> with <paramref name="scores"/>, pairwise.</summary>
    /// <param name="confidence">Coverage of the interval; default 0.95.</param>
    public static RankCorrelation Compute(IReadOnlyList<double> ratings, IReadOnlyList<double> scores, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(scores);
        if (ratings.Count != scores.Count)
        {
            throw new ArgumentException($"Need paired series; got {ratings.Count} and {scores.Count}.", nameof(scores));
        }
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must be in (0, 1).");
        var pairs = Enumerable.Range(0, ratings.Count)
            .Where(i => double.IsFinite(ratings[i]) && double.IsFinite(scores[i]))
            .Select(i => (Rating: (float)ratings[i], Score: (float)scores[i]))
            .ToList();
        if (pairs.Count < 3)
        {
            return new RankCorrelation(double.NaN, pairs.Count, double.NaN, double.NaN);
        }
        var rho = SpearmanRank.Correlation([.. pairs.Select(p => p.Rating)], [.. pairs.Select(p => p.Score)]);
        if (double.IsNaN(rho) || pairs.Count < 4)
        {
            return new RankCorrelation(rho, pairs.Count, double.NaN, double.NaN);
        }
        var clamped = Math.Clamp(rho, -0.999999, 0.999999);
        var z = Math.Atanh(clamped);
        var half = NormalQuantile((1 + confidence) / 2) * Math.Sqrt(1.06 / (pairs.Count - 3));
        return new RankCorrelation(rho, pairs.Count, Math.Tanh(z - half), Math.Tanh(z + half));
    }

    /// <summary>Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
