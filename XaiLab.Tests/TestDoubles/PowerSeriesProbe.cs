using TorchSharp;
using XaiLab.Engine.Attribution;
using static TorchSharp.torch;

namespace XaiLab.Tests.TestDoubles;

/// <summary>
/// A probe with closed-form outputs per class: f0 = sum(w x), f1 = sum(w x^2), f2 = sum(w x^3), and their exact gradients.
/// Records the largest batch it was asked about.
/// </summary>
public sealed class PowerSeriesProbe(float[] weights, long[] shape) : IModelProbe
{
    public int LargestBatch { get; private set; }

    public int GradientCalls { get; private set; }

    public double Function(int target, float[] x)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += weights[i] * Math.Pow(x[i], target + 1);
        }
        return sum;
    }

    public Tensor Outputs(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        var w = Weights(inputs);
        var outputs = torch.stack([(w * inputs).sum([1L, 2L, 3L]), (w * inputs.pow(2)).sum([1L, 2L, 3L]),
            (w * inputs.pow(3)).sum([1L, 2L, 3L])], 1);
        return outputs.MoveToOuterDisposeScope();
    }

    public Tensor InputGradients(Tensor inputs, long[] targets)
    {
        LargestBatch = Math.Max(LargestBatch, (int)inputs.shape[0]);
        GradientCalls++;
        using var scope = NewDisposeScope();
        var w = Weights(inputs);
        var rows = new List<Tensor>();
        for (var i = 0; i < targets.Length; i++)
        {
            var x = inputs[i];
            rows.Add(targets[i] switch
            {
                0 => w.clone(),
                1 => 2 * w * x,
                _ => 3 * w * x.pow(2),
            });
        }
        return torch.stack(rows).MoveToOuterDisposeScope();
    }

    public (Tensor Activations, Tensor Gradients) LayerGradients(Tensor inputs, long[] targets) =>
        throw new NotSupportedException("The analytic probe has no layers.");

    private Tensor Weights(Tensor inputs) => torch.tensor(weights, shape, device: inputs.device);
}
