namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// The paper's claim made precise. Brima and Atemkeng (2023) write that 35% of XRAI maps "approximate" the expert
/// segmentation without defining it; here it is the share of slices whose top-30% region (the paper's "Fast XRAI 30%"
/// view, <see cref="TopRegionOverlap.Region"/>) reaches an IoU of at least <c>threshold</c> with the expert mask.
/// </summary>
public static class ExpertMaskAgreement
{
    /// <summary>Share in [0, 1] of <paramref name="slices"/> (per-pixel map and mask of equal length) that agree.</summary>
    /// <param name="threshold">IoU a slice must reach; default 0.5 (the PASCAL VOC detection convention).</param>
    /// <param name="percent">Size of the top region in percent of the image; default 30 (the paper's).</param>
    public static double Share(IEnumerable<(float[] Map, bool[] Mask)> slices, double threshold = 0.5, double percent = 30)
    {
        ArgumentNullException.ThrowIfNull(slices);
        int total = 0, agreeing = 0;
        foreach (var (map, mask) in slices)
        {
            total++;
            if (TopRegionOverlap.Iou(map, mask, percent) >= threshold) agreeing++;
        }
        if (total == 0) throw new ArgumentException("No slices.", nameof(slices));
        return (double)agreeing / total;
    }
}
