using TorchSharp;
using XaiLab.Engine.Attribution;
using static TorchSharp.torch;

namespace XaiLab.Tests.TestDoubles;

/// <summary>
/// A probe over known functions: <c>outputs = head(featureMap(x))</c> with gradients from autograd, so tests can compare
/// attributions with analytic answers. Without a feature map the "layer" is the input itself.
/// </summary>
public sealed class AnalyticProbe(Func<Tensor, Tensor> head, Func<Tensor, Tensor>? featureMap = null) : IModelProbe
{
    private readonly Func<Tensor, Tensor> featureMap = featureMap ?? (x => x.alias());

    /// <summary>Batches the probe was asked to evaluate (model calls).</summary>
    public int Calls { get; private set; }

    /// <summary>Rows (images) evaluated over all calls.</summary>
    public long Rows { get; private set; }

    public Tensor Outputs(Tensor inputs)
    {
        Count(inputs);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return head(featureMap(inputs)).MoveToOuterDisposeScope();
    }

    public Tensor InputGradients(Tensor inputs, long[] targets)
    {
        Count(inputs);
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var x = inputs.detach().requires_grad_(true);
        var selected = Select(head(featureMap(x)), targets);
        var gradient = autograd.grad([selected], [x])[0];
        return gradient.detach().MoveToOuterDisposeScope();
    }

    public (Tensor Activations, Tensor Gradients) LayerGradients(Tensor inputs, long[] targets)
    {
        Count(inputs);
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var activations = featureMap(inputs.detach()).detach().requires_grad_(true);
        var selected = Select(head(activations), targets);
        var gradient = autograd.grad([selected], [activations])[0];
        return (activations.detach().MoveToOuterDisposeScope(), gradient.detach().MoveToOuterDisposeScope());
    }

    private static Tensor Select(Tensor outputs, long[] targets)
    {
        var index = tensor(targets, ScalarType.Int64, outputs.device).reshape(-1, 1);
        return outputs.gather(1, index).sum();
    }

    private void Count(Tensor inputs)
    {
        Calls++;
        Rows += inputs.shape[0];
    }
}
