namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Overlap of the map's top-k% region with the expert mask, as IoU (Jaccard) and Dice. The region is the
/// round(k% * pixels) most salient pixels (at least one; equal values ranked in pixel order), so its size does not
/// depend on ties. Quantus' <c>TopKIntersection</c> (Theiner et al. 2021) reports |region ∩ mask| / |region| instead;
/// IoU and Dice also punish a region that misses most of a large mask.
/// </summary>
public static class TopRegionOverlap
{
    /// <summary>The k values (percent of the image) the scorecard reports: 5, 10, 20, 30.</summary>
    public static readonly IReadOnlyList<int> StandardPercents = [5, 10, 20, 30];

    /// <summary>The top <paramref name="percent"/>% (in (0, 100]) of the map's pixels as a mask.</summary>
    public static bool[] Region(float[] map, double percent)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100.0);
        var count = Math.Max(1, (int)Math.Round(percent / 100.0 * map.Length, MidpointRounding.AwayFromZero));
        return SaliencyInputs.Top(map, count);
    }

    /// <summary>|region ∩ mask| / |region ∪ mask| of the top <paramref name="percent"/>% region.</summary>
    public static double Iou(float[] map, bool[] mask, double percent)
    {
        var (intersection, region, expert) = Counts(map, mask, percent);
        return (double)intersection / (region + expert - intersection);
    }

    /// <summary>2 |region ∩ mask| / (|region| + |mask|) of the top <paramref name="percent"/>% region.</summary>
    public static double Dice(float[] map, bool[] mask, double percent)
    {
        var (intersection, region, expert) = Counts(map, mask, percent);
        return 2.0 * intersection / (region + expert);
    }

    private static (int Intersection, int Region, int Mask) Counts(float[] map, bool[] mask, double percent)
    {
        SaliencyInputs.Check(map, mask);
        var region = Region(map, percent);
        int intersection = 0, size = 0;
        for (var i = 0; i < region.Length; i++)
        {
            if (!region[i]) continue;
            size++;
            if (mask[i]) intersection++;
        }
        return (intersection, size, SaliencyInputs.Count(mask));
    }
}
