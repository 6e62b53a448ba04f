namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Area under the ROC curve of the map as a score for the expert mask's pixels (Quantus' <c>AUC</c>, which calls
/// scikit-learn's <c>roc_curve</c> and <c>auc</c>): the probability that a random mask pixel is more salient than a random
/// pixel outside it, computed from ranks (Mann-Whitney U) with tied values given their average rank, which equals the
/// trapezoid area of the ROC curve. NaN when the mask is empty or covers the whole image (undefined, as scikit-learn).
/// </summary>
public static class RocAuc
{
    /// <summary>In [0, 1]; 0.5 for a map that does not tell the mask from the rest.</summary>
    public static double Of(float[] map, bool[] mask)
    {
        SaliencyInputs.Check(map, mask);
        long positives = SaliencyInputs.Count(mask);
        long negatives = map.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;

        var order = Enumerable.Range(0, map.Length).ToArray();
        var keys = (float[])map.Clone();
        Array.Sort(keys, order);
        double positiveRankSum = 0;
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i < order.Length && keys[i] == keys[start]) continue;
            // Ranks start + 1 .. i share their mean.
            var rank = (start + 1 + i) / 2.0;
            for (var j = start; j < i; j++)
            {
                if (mask[order[j]]) positiveRankSum += rank;
            }
            start = i;
        }
        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}
