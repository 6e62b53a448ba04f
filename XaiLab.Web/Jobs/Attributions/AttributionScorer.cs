using XaiLab.Engine.Attribution;
using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// Scores a map against the expert mask and for faithfulness. The mask scores use the per-pixel magnitude
/// |sum over channels| (as PAIR saliency visualises gradients; Grad-CAM is non-negative anyway); deletion and insertion
/// rank pixels by the same magnitude with <see cref="FaithfulnessSteps"/> steps, deleting to 0 (the training mean after
/// z-scoring).
/// </summary>
public static class AttributionScorer
{
    /// <summary>Perturbation steps of the deletion and insertion curves. 20: small enough for a request of many maps.</summary>
    public const int FaithfulnessSteps = 20;

    /// <param name="map">The map [C, H, W].</param>
    /// <param name="pixels">The preprocessed input [C, H, W] the map explains.</param>
    /// <param name="mask">The expert mask [H * W] at the map's size, or null.</param>
    /// <param name="score">The model's target output for a batch of inputs (<see cref="ProbeImageScorer.Score"/>).</param>
    public static AttributionScores Score(AttributionMap map, float[] pixels, bool[]? mask, Func<IReadOnlyList<float[]>, double[]> score)
    {
        ArgumentNullException.ThrowIfNull(map);
        var magnitude = map.SumOverChannels().Select(Math.Abs).ToArray();
        var curves = new DeletionInsertion { Steps = FaithfulnessSteps };
        var channels = pixels.Length / (map.Height * map.Width);
        var deletion = curves.Deletion(pixels, channels, map.Height, map.Width, magnitude, score).Auc;
        var insertion = curves.Insertion(pixels, channels, map.Height, map.Width, magnitude, score).Auc;
        if (mask is null)
        {
            return new AttributionScores(null, null, null, null, null, null, null, deletion, insertion);
        }
        var inside = mask.Count(m => m);
        var pointing = inside == 0 ? (bool?)null : PointingGame.Hit(magnitude, mask);
        return new AttributionScores(
            (double)inside / mask.Length,
            pointing,
            RelevanceMass.Accuracy(magnitude, mask),
            RelevanceRank.Accuracy(magnitude, mask),
            TopRegionOverlap.StandardPercents.Select(k => inside == 0 ? double.NaN : TopRegionOverlap.Iou(magnitude, mask, k)).ToList(),
            TopRegionOverlap.StandardPercents.Select(k => inside == 0 ? double.NaN : TopRegionOverlap.Dice(magnitude, mask, k)).ToList(),
            RocAuc.Of(magnitude, mask),
            deletion,
            insertion);
    }
}
