using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Blur IG (Xu et al. 2020) as PAIR saliency computes it: the path runs from a Gaussian blur of the input with sigma
/// <see cref="MaxSigma"/> down to the input itself (sigma 0), blurred with zero padding; the map is
/// -sum_i (sigma_{i+1} - sigma_i) * dBlur/dsigma(sigma_i) * gradient(blur(x, sigma_i)), with dBlur/dsigma taken as the
/// forward difference over <see cref="GradStep"/>. API name "blur-ig".
/// </summary>
public sealed class BlurIntegratedGradients : IBatchAttributionMethod
{
    public string ApiName => "blur-ig";

    /// <summary>Largest blur sigma in pixels (the path's start). Default 50, PAIR's and the paper's value.</summary>
    public double MaxSigma { get; init; } = 50;

    /// <summary>Riemann steps along the sigma path (model evaluations). Default 100, PAIR's default.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Sigma increment of the finite difference for dBlur/dsigma. Default 0.01, PAIR's <c>grad_step</c>.</summary>
    public double GradStep { get; init; } = 0.01;

    /// <summary>
    /// Space the sigmas as sqrt(i * MaxSigma / Steps) instead of linearly (PAIR's <c>sqrt</c>). Default false, as PAIR.
    /// </summary>
    public bool SqrtSchedule { get; init; }

    /// <summary>
    /// Images per model call (path points of all inputs explained together share batches). Default
    /// <see cref="AttributionOptions.DefaultInternalBatchSize"/>; the map does not depend on it (PAIR's <c>batch_size</c>
    /// defaults to 1).
    /// </summary>
    public int InternalBatchSize { get; init; } = AttributionOptions.DefaultInternalBatchSize;

    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
        => AttributionInputs.ExplainOne(this, probe, input, target, progress, cancellationToken);

    public IReadOnlyList<AttributionMap> ExplainMany(
        IModelProbe probe,
        Tensor inputs,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        AttributionInputs.CheckBatchShape(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(InternalBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GradStep);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxSigma);

        var sigmas = new double[Steps + 1];
        for (var i = 0; i <= Steps; i++)
        {
            var linear = i * MaxSigma / Steps;
            sigmas[i] = SqrtSchedule ? Math.Sqrt(linear) : linear;
        }

        using var scope = NewDisposeScope();
        // The blur and its sigma derivative are computed in float64: the forward difference over 0.01 would lose
        // three digits in float32.
        var images = inputs.detach().to_type(ScalarType.Float64);
        var total = zeros_like(images);
        var points = images.shape[0] * Steps;
        for (var start = 0; start < points; start += InternalBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = (int)Math.Min(InternalBatchSize, points - start);
            using (NewDisposeScope())
            {
                var batchPoints = new Tensor[count];
                var weightedBlurGradients = new Tensor[count];
                for (var k = 0; k < count; k++)
                {
                    var (image, i) = Math.DivRem(start + k, Steps);
                    var original = images[image].unsqueeze(0);
                    var blurred = GaussianBlur.Blur(original, sigmas[i]);
                    var blurGradient = (GaussianBlur.Blur(original, sigmas[i] + GradStep) - blurred) / GradStep;
                    batchPoints[k] = blurred;
                    weightedBlurGradients[k] = blurGradient * (sigmas[i + 1] - sigmas[i]);
                }
                var batch = cat(batchPoints, 0).to_type(inputs.dtype);
                var gradients = probe.InputGradients(batch, Enumerable.Repeat(target, count).ToArray()).to_type(ScalarType.Float64);
                var terms = cat(weightedBlurGradients, 0) * gradients;
                for (var k = 0; k < count; k++)
                {
                    total[(start + k) / Steps].add_(terms[k]);
                }
            }
            progress?.Report((double)(start + count) / points);
        }
        return AttributionInputs.ToMaps(total.neg_());
    }
}
