using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// The straight-line path integral that Integrated Gradients, XRAI and the Guided IG tests share, with PAIR saliency's
/// discretisation: alphas = linspace(0, 1, steps) with both ends included, map = (x - x') * mean of the gradients.
/// </summary>
internal static class IntegratedGradientPath
{
    /// <summary>
    /// Integrates the target's gradient from <paramref name="baseline"/> to <paramref name="input"/> (both [C, H, W]).
    /// Returns a new [C, H, W] tensor of the input's dtype in the caller's dispose scope. Gradients are accumulated in
    /// float64 so the result does not depend on <paramref name="batchSize"/> beyond rounding.
    /// </summary>
    public static Tensor Integrate(
        IModelProbe probe,
        Tensor input,
        Tensor baseline,
        long target,
        int steps,
        int batchSize,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var scope = NewDisposeScope();
        var difference = input - baseline;
        var total = zeros(input.shape, ScalarType.Float64, input.device);
        for (var start = 0; start < steps; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, steps - start);
            using (NewDisposeScope())
            {
                var alphas = new float[count];
                for (var i = 0; i < count; i++)
                {
                    alphas[i] = steps == 1 ? 0f : (float)((double)(start + i) / (steps - 1));
                }
                var alpha = tensor(alphas, input.dtype, input.device).reshape(count, 1, 1, 1);
                var batch = baseline.unsqueeze(0) + alpha * difference.unsqueeze(0);
                var gradients = probe.InputGradients(batch, Enumerable.Repeat(target, count).ToArray());
                total.add_(gradients.to_type(ScalarType.Float64).sum(dim: 0));
            }
            progress?.Report((double)(start + count) / steps);
        }
        return (total * difference.to_type(ScalarType.Float64) / steps).to_type(input.dtype).MoveToOuterDisposeScope();
    }
}
