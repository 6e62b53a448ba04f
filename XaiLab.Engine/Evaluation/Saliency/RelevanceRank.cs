namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Relevance rank accuracy (Arras et al. 2022; Quantus' <c>RelevanceRankAccuracy</c>): with K = the number of pixels in the
/// expert mask, the share of the K most salient pixels that lie inside the mask. Equal values are ranked in pixel order.
/// NaN for an empty mask, as Quantus (the scorecard's bootstrap skips NaN).
/// </summary>
public static class RelevanceRank
{
    /// <summary>In [0, 1]; 1 when the mask's size worth of top pixels is exactly the mask.</summary>
    public static double Accuracy(float[] map, bool[] mask)
    {
        SaliencyInputs.Check(map, mask);
        var k = SaliencyInputs.Count(mask);
        if (k == 0) return double.NaN;
        return (double)SaliencyInputs.MostSalientFirst(map).Take(k).Count(p => mask[p]) / k;
    }
}
