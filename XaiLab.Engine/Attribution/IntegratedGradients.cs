using TorchSharp;
using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Integrated Gradients (Sundararajan et al. 2017). By default as PAIR saliency computes it: alphas = linspace(0, 1, steps)
/// with both ends included, map = (x - x') * mean over alphas of the gradient at x' + alpha (x - x'). That default is a
/// Riemann mean, not the trapezoid rule; it is exact for functions linear or quadratic along the path and converges as
/// steps grow. Other rules (captum's Riemann variants and trapezoid) are a <see cref="Rule"/> away. The path is built on
/// the input's device; gradients are accumulated point by point, in path order, in float64, so the map does not depend
/// on the internal batch size.
/// </summary>
public sealed class IntegratedGradients : IBatchAttributionMethod
{
    /// <param name="steps">
    /// Points on the path; default 25 (the paper, and PAIR saliency's default x_steps, linspace with both ends). At least 2.
    /// </param>
    /// <param name="baseline">Reference input; default zeros (the paper, PAIR saliency).</param>
    /// <param name="internalBatchSize">
    /// Path points per model call; default <see cref="AttributionOptions.DefaultInternalBatchSize"/>. Does not change the result.
    /// </param>
    /// <param name="seed">Seed of the <see cref="IntegratedGradientsBaseline.UniformNoise"/> baseline; default 1.</param>
    /// <param name="rule">How the integral is discretised; default <see cref="IntegrationRule.PairLinspace"/> (PAIR, paper).</param>
    public IntegratedGradients(
        int steps = 25,
        IntegratedGradientsBaseline baseline = IntegratedGradientsBaseline.Zeros,
        int internalBatchSize = AttributionOptions.DefaultInternalBatchSize,
        int seed = 1,
        IntegrationRule rule = IntegrationRule.PairLinspace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(internalBatchSize, 1);
        Steps = steps;
        Baseline = baseline;
        InternalBatchSize = internalBatchSize;
        Seed = seed;
        Rule = rule;
    }

    /// <summary>Points on the straight path.</summary>
    public int Steps { get; }

    /// <summary>The reference input the path starts from.</summary>
    public IntegratedGradientsBaseline Baseline { get; }

    /// <summary>Path points per model call (memory, not result).</summary>
    public int InternalBatchSize { get; }

    /// <summary>Seed of the uniform-noise baseline.</summary>
    public int Seed { get; }

    /// <summary>How the path integral is discretised.</summary>
    public IntegrationRule Rule { get; }

    /// <summary>
    /// Gaussian sigma in pixels of the <see cref="IntegratedGradientsBaseline.Blurred"/> baseline. Default 5: a choice of
    /// ours (Sturmfels et al. 2020 leave it free; PAIR has no blurred IG baseline), strong enough on a 224 image to remove
    /// edges while keeping the anatomy's brightness layout. Must be positive.
    /// </summary>
    public double BlurSigma { get; init; } = 5.0;

    /// <inheritdoc />
    public string ApiName => "integrated-gradients";

    /// <inheritdoc />
    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
        => AttributionInputs.ExplainOne(this, probe, input, target, progress, cancellationToken);

    /// <inheritdoc />
    public IReadOnlyList<AttributionMap> ExplainMany(
        IModelProbe probe,
        Tensor inputs,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        AttributionInputs.CheckBatchShape(inputs);
        var (alphas, weights) = IntegrationPoints.Of(Rule, Steps);
        using var scope = NewDisposeScope();
        var x = inputs.detach();
        var references = stack(Enumerable.Range(0, (int)x.shape[0]).Select(i => BaselineOf(x[i])).ToArray());
        var sums = IntegratedGradientPath.WeightedGradientSums(
            probe, x, references, target, alphas, weights, InternalBatchSize, progress, cancellationToken);
        var maps = sums.mul_((x - references).to_type(ScalarType.Float64));
        return AttributionInputs.ToMaps(maps);
    }

    /// <summary>The baseline x' for an input [C, H, W], in the same layout.</summary>
    public float[] BaselineOf(float[] input, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length != channels * height * width)
        {
            throw new ArgumentException($"{input.Length} values do not fill [{channels}, {height}, {width}].", nameof(input));
        }
        using var scope = NewDisposeScope();
        return AttributionInputs.ToArray(BaselineOf(tensor(input, [channels, height, width])));
    }

    /// <summary>The baseline of a [C, H, W] tensor, same dtype and device, in the caller's dispose scope.</summary>
    private Tensor BaselineOf(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor result;
        switch (Baseline)
        {
            case IntegratedGradientsBaseline.Zeros:
                result = zeros_like(input);
                break;
            case IntegratedGradientsBaseline.Black:
                result = full_like(input, input.min().ToDouble());
                break;
            case IntegratedGradientsBaseline.White:
                result = full_like(input, input.max().ToDouble());
                break;
            case IntegratedGradientsBaseline.UniformNoise:
            {
                // Drawn with System.Random on the host so a seed gives the same baseline on every device.
                var random = new Random(Seed);
                var low = input.min().ToDouble();
                var range = input.max().ToDouble() - low;
                var noise = new float[input.numel()];
                for (var i = 0; i < noise.Length; i++)
                {
                    noise[i] = (float)(low + range * random.NextDouble());
                }
                result = tensor(noise, input.shape, device: input.device).to_type(input.dtype);
                break;
            }
            case IntegratedGradientsBaseline.Blurred:
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BlurSigma);
                result = GaussianBlur.Blur(input.unsqueeze(0), BlurSigma)[0];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Baseline), Baseline, "Unknown baseline.");
        }
        return result.MoveToOuterDisposeScope();
    }
}
