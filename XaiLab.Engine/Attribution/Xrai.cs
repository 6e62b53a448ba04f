using XaiLab.Engine.Attribution.Segmentation;
using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// XRAI (Kapishnikov et al. 2019) as PAIR saliency computes it: Integrated Gradients from an all-min and an all-max
/// baseline image, averaged and reduced to one value per pixel by the maximum over channels; Felzenszwalb segments of
/// the image at six scales, dilated; segments added greedily by attribution gain per newly covered pixel; every pixel
/// gets the gain of the segment that first covered it. The map has one channel [1, H, W]. API name "xrai". The segments
/// are PAIR's exactly (XraiSegmentation); the map agrees with PAIR's to 2e-4 of its range (PairReferenceMapsTests), the
/// rest being float rounding of the two libtorch builds' gradients.
/// </summary>
public sealed class Xrai : IAttributionMethod
{
    /// <summary>PAIR's Felzenszwalb scales.</summary>
    public static readonly IReadOnlyList<double> DefaultScales = [50, 100, 150, 250, 500, 1200];

    public string ApiName => "xrai";

    /// <summary>IG steps from each of the two baselines. Default 100, PAIR's <c>XRAIParameters.steps</c>.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>
    /// Images per model call in the IG integrals; the points of both baselines' paths share the batches. Default
    /// <see cref="AttributionOptions.DefaultInternalBatchSize"/>; the map does not depend on it beyond float rounding.
    /// </summary>
    public int InternalBatchSize { get; init; } = AttributionOptions.DefaultInternalBatchSize;

    /// <summary>Segment ordering. Default <see cref="XraiAlgorithm.Full"/>, as PAIR and the paper.</summary>
    public XraiAlgorithm Algorithm { get; init; } = XraiAlgorithm.Full;

    /// <summary>
    /// Stop adding segments once this share of the image is covered. Default 1.0 (cover everything), PAIR's
    /// <c>area_threshold</c>.
    /// </summary>
    public double AreaThreshold { get; init; } = 1.0;

    /// <summary>
    /// Segments adding fewer new pixels than this are dropped. Default 50, PAIR's <c>min_pixel_diff</c>; counted at the
    /// input's resolution, as PAIR, so on small inputs it is a larger share of the image.
    /// </summary>
    public int MinPixelDiff { get; init; } = 50;

    /// <summary>
    /// Side the normalised image is resized to (bicubic) for segmentation; labels are resized back (nearest). Default
    /// 224, PAIR's. Null segments at the input's resolution and then scales <see cref="MinSegmentSize"/> by the area
    /// ratio to 224 x 224, so tiny test images still get segments of a comparable share. PAIR also anti-aliases when it
    /// shrinks an image; here larger inputs are resized without anti-aliasing, a small departure.
    /// </summary>
    public int? SegmentationSize { get; init; } = 224;

    /// <summary>Felzenszwalb scales (scikit-image units). Default 50, 100, 150, 250, 500, 1200, PAIR's.</summary>
    public IReadOnlyList<double> Scales { get; init; } = DefaultScales;

    /// <summary>Felzenszwalb pre-smoothing sigma. Default 0.8, PAIR's.</summary>
    public double Sigma { get; init; } = 0.8;

    /// <summary>Felzenszwalb min_size at the segmentation size. Default 150, PAIR's.</summary>
    public int MinSegmentSize { get; init; } = 150;

    /// <summary>Radius of the disk every segment mask is dilated by, at the input's resolution. Default 5, PAIR's.</summary>
    public int DilationRadius { get; init; } = 5;

    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(DilationRadius);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSegmentSize, 1);
        ArgumentNullException.ThrowIfNull(Scales);

        var attribution = BaseAttribution(probe, input, target, progress, cancellationToken);
        var masks = XraiSegmentation.Masks(input, SegmentationSize, Scales, Sigma, MinSegmentSize, DilationRadius);
        progress?.Report(0.95);
        var ranked = XraiRanking.Rank(attribution, masks, Algorithm, AreaThreshold, MinPixelDiff, cancellationToken);
        progress?.Report(1.0);
        return new AttributionMap(ranked.Select(v => (float)v).ToArray(), 1, (int)input.shape[1], (int)input.shape[2]);
    }

    /// <summary>IG averaged over the all-min and all-max baselines, then the maximum over channels: [H * W].</summary>
    private double[] BaseAttribution(IModelProbe probe, Tensor input, long target, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var x = input.detach();
        var low = zeros_like(x) + x.min();
        var high = zeros_like(x) + x.max();
        // Both integrals in one pass: their points share the model calls.
        var inputs = stack([x, x]);
        var baselines = stack([low, high]);
        var (alphas, weights) = IntegrationPoints.Of(IntegrationRule.PairLinspace, Math.Max(Steps, 2));
        if (Steps == 1)
        {
            (alphas, weights) = ([0.0], [1.0]);
        }
        var sums = IntegratedGradientPath.WeightedGradientSums(probe, inputs, baselines, target, alphas, weights,
            InternalBatchSize, ProgressRange.Slice(progress, 0.0, 0.9), cancellationToken);
        var maps = sums.mul_((inputs - baselines).to_type(ScalarType.Float64));
        var merged = ((maps[0] + maps[1]) / 2).max(dim: 0).values;
        return merged.to_type(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
    }
}
