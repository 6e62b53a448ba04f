namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Relevance mass accuracy (Arras et al. 2022, "CLEVR-XAI"; Quantus' <c>RelevanceMassAccuracy</c>): the share of the
/// positive attribution that falls inside the expert mask, sum of max(a, 0) inside / sum of max(a, 0) overall. Negative
/// values count as zero, as Arras et al. do (Quantus sums the map as given; pass |map| for its absolute variant). 0 when
/// the map has no positive value; NaN for an empty mask, as Quantus.
/// </summary>
public static class RelevanceMass
{
    /// <summary>In [0, 1]; 1 when all positive attribution is inside the mask.</summary>
    public static double Accuracy(float[] map, bool[] mask)
    {
        SaliencyInputs.Check(map, mask);
        if (SaliencyInputs.Count(mask) == 0) return double.NaN;
        double inside = 0, total = 0;
        for (var i = 0; i < map.Length; i++)
        {
            if (map[i] <= 0) continue;
            total += map[i];
            if (mask[i]) inside += map[i];
        }
        return total > 0 ? inside / total : 0.0;
    }
}
