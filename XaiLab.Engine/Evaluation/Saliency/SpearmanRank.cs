namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Spearman's rank correlation: Pearson's correlation of the ranks, tied values given their average rank (as
/// scipy's <c>spearmanr</c>). Adebayo et al. 2018 use it to compare maps before and after randomisation. NaN when either
/// input is constant.
/// </summary>
public static class SpearmanRank
{
    /// <summary>In [-1, 1].</summary>
    public static double Correlation(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length || a.Length < 2)
        {
            throw new ArgumentException($"Need two series of equal length (at least 2); got {a.Length} and {b.Length}.", nameof(b));
        }
        var ra = Ranks(a);
        var rb = Ranks(b);
        var mean = (a.Length + 1) / 2.0;
        double covariance = 0, va = 0, vb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            covariance += (ra[i] - mean) * (rb[i] - mean);
            va += (ra[i] - mean) * (ra[i] - mean);
            vb += (rb[i] - mean) * (rb[i] - mean);
        }
        return va == 0 || vb == 0 ? double.NaN : covariance / Math.Sqrt(va * vb);
    }

    private static double[] Ranks(float[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = (float[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i < order.Length && keys[i] == keys[start]) continue;
            var rank = (start + 1 + i) / 2.0;
            for (var j = start; j < i; j++) ranks[order[j]] = rank;
            start = i;
        }
        return ranks;
    }
}
