using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// The straight-line path integral shared by Integrated Gradients, its SmoothGrad samples and XRAI's two baselines:
/// the points of every path are packed together into batches of the internal batch size, so a model call is never
/// smaller than it must be (XRAI's 2 x 100 points take 13 calls of 16 instead of 14).
/// </summary>
internal static class IntegratedGradientPath
{
    /// <summary>
    /// For each path k from <paramref name="baselines"/>[k] to <paramref name="inputs"/>[k] (both [K, C, H, W]), the
    /// weighted sum over the points alpha_s of weight_s * gradient(x'_k + alpha_s (x_k - x'_k)), in float64 and
    /// accumulated point by point in path order, so the sum does not depend on <paramref name="batchSize"/> beyond the
    /// model's own rounding. Returns [K, C, H, W] float64 in the caller's dispose scope (not yet times x - x').
    /// </summary>
    public static Tensor WeightedGradientSums(
        IModelProbe probe,
        Tensor inputs,
        Tensor baselines,
        long target,
        IReadOnlyList<double> alphas,
        IReadOnlyList<double> weights,
        int batchSize,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(alphas.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var scope = NewDisposeScope();
        var paths = (int)inputs.shape[0];
        var steps = alphas.Count;
        var points = paths * steps;
        var differences = inputs - baselines;
        var total = zeros(inputs.shape, ScalarType.Float64, inputs.device);
        for (var start = 0; start < points; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, points - start);
            using (NewDisposeScope())
            {
                var pathIndex = new long[count];
                var alpha = new double[count];
                for (var j = 0; j < count; j++)
                {
                    pathIndex[j] = (start + j) / steps;
                    alpha[j] = alphas[(start + j) % steps];
                }
                var index = tensor(pathIndex, device: inputs.device);
                var alphaColumn = tensor(alpha, ScalarType.Float64, inputs.device).to_type(inputs.dtype).reshape(count, 1, 1, 1);
                var batch = baselines.index_select(0, index) + alphaColumn * differences.index_select(0, index);
                var gradients = probe.InputGradients(batch, Enumerable.Repeat(target, count).ToArray()).to_type(ScalarType.Float64);
                for (var j = 0; j < count; j++)
                {
                    total[pathIndex[j]].add_(gradients[j], weights[(start + j) % steps]);
                }
            }
            progress?.Report((double)(start + count) / points);
        }
        return total.MoveToOuterDisposeScope();
    }
}
