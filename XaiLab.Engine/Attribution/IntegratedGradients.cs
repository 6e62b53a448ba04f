using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Integrated Gradients (Sundararajan et al. 2017) as PAIR saliency computes it: alphas = linspace(0, 1, steps) with both
/// ends included, map = (x - x') * mean over alphas of the gradient at x' + alpha (x - x'). This is a Riemann mean, not the
/// trapezoid rule; it is exact for functions linear or quadratic along the path and converges as steps grow. Gradients
/// are accumulated sample by sample in double precision, so the map does not depend on the internal batch size.
/// </summary>
public sealed class IntegratedGradients : IAttributionMethod
{
    /// <param name="steps">
    /// Points on the path, both ends included; default 25 (the paper, and PAIR saliency's default x_steps, also
    /// linspace with both ends). At least 2.
    /// </param>
    /// <param name="baseline">Reference input; default zeros (the paper, PAIR saliency).</param>
    /// <param name="internalBatchSize">Path points per model call; default 16. Does not change the result.</param>
    /// <param name="seed">Seed of the <see cref="IntegratedGradientsBaseline.UniformNoise"/> baseline; default 1.</param>
    public IntegratedGradients(
        int steps = 25,
        IntegratedGradientsBaseline baseline = IntegratedGradientsBaseline.Zeros,
        int internalBatchSize = 16,
        int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(internalBatchSize, 1);
        Steps = steps;
        Baseline = baseline;
        InternalBatchSize = internalBatchSize;
        Seed = seed;
    }

    /// <summary>Points on the straight path, both ends included.</summary>
    public int Steps { get; }

    /// <summary>The reference input the path starts from.</summary>
    public IntegratedGradientsBaseline Baseline { get; }

    /// <summary>Path points per model call (memory, not result).</summary>
    public int InternalBatchSize { get; }

    /// <summary>Seed of the uniform-noise baseline.</summary>
    public int Seed { get; }

    /// <inheritdoc />
    public string ApiName => "integrated-gradients";

    /// <inheritdoc />
    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        AttributionInputs.CheckShape(input);
        var shape = input.shape;
        var x = AttributionInputs.ToArray(input);
        var reference = BaselineOf(x);
        var gradientSums = new double[x.Length];
        for (var start = 0; start < Steps; start += InternalBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(InternalBatchSize, Steps - start);
            var points = new float[count * x.Length];
            for (var i = 0; i < count; i++)
            {
                var alpha = (double)(start + i) / (Steps - 1);
                for (var j = 0; j < x.Length; j++)
                {
                    points[i * x.Length + j] = (float)(reference[j] + alpha * ((double)x[j] - reference[j]));
                }
            }
            float[] gradients;
            using (NewDisposeScope())
            {
                var batch = tensor(points, [count, shape[0], shape[1], shape[2]], device: input.device);
                gradients = AttributionInputs.ToArray(probe.InputGradients(batch, Enumerable.Repeat(target, count).ToArray()));
            }
            for (var i = 0; i < count; i++)
            {
                for (var j = 0; j < x.Length; j++)
                {
                    gradientSums[j] += gradients[i * x.Length + j];
                }
            }
            progress?.Report((double)(start + count) / Steps);
        }
        var values = new float[x.Length];
        for (var j = 0; j < x.Length; j++)
        {
            values[j] = (float)(((double)x[j] - reference[j]) * gradientSums[j] / Steps);
        }
        return new AttributionMap(values, (int)shape[0], (int)shape[1], (int)shape[2]);
    }

    /// <summary>The baseline x' for an input, in the same [C, H, W] layout.</summary>
    public float[] BaselineOf(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = new float[input.Length];
        switch (Baseline)
        {
            case IntegratedGradientsBaseline.Zeros:
                break;
            case IntegratedGradientsBaseline.Black:
                Array.Fill(result, input.Min());
                break;
            case IntegratedGradientsBaseline.White:
                Array.Fill(result, input.Max());
                break;
            case IntegratedGradientsBaseline.UniformNoise:
            {
                var random = new Random(Seed);
                var low = input.Min();
                var range = input.Max() - low;
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = (float)(low + range * random.NextDouble());
                }
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(Baseline), Baseline, "Unknown baseline.");
        }
        return result;
    }
}
