using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Tests.TestDoubles;

/// <summary>
/// A test-only probe over a real <see cref="ClassifierModel"/> (eval mode), explaining the softmax probability or the
/// logit of the target, with gradients from autograd and Grad-CAM's layer from <see cref="ClassifierModel.ForwardFeatureMap"/>.
/// </summary>
public sealed class ModelBackedProbe : IModelProbe
{
    private readonly ClassifierModel model;
    private readonly ExplainedOutput output;

    public ModelBackedProbe(ClassifierModel model, ExplainedOutput output = ExplainedOutput.Probability)
    {
        this.model = model;
        this.output = output;
        model.eval();
    }

    /// <summary>A freshly initialised SmallCnn (1 channel, 32x32, 3 classes) with a fixed seed.</summary>
    public static ModelBackedProbe SmallCnn(int inputSize = 32, ExplainedOutput output = ExplainedOutput.Probability)
    {
        torch.random.manual_seed(1234);
        var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputChannels: 1, Classes: 3, InputSize: inputSize));
        return new ModelBackedProbe(model, output);
    }

    public Tensor Outputs(Tensor inputs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Explained(model.forward(inputs)).MoveToOuterDisposeScope();
    }

    public Tensor InputGradients(Tensor inputs, long[] targets)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var x = inputs.detach().requires_grad_(true);
        var selected = Select(Explained(model.forward(x)), targets);
        return autograd.grad([selected], [x])[0].detach().MoveToOuterDisposeScope();
    }

    public (Tensor Activations, Tensor Gradients) LayerGradients(Tensor inputs, long[] targets)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var activations = model.ForwardFeatureMap(inputs.detach());
        var selected = Select(Explained(model.ForwardHead(activations)), targets);
        var gradient = autograd.grad([selected], [activations])[0];
        return (activations.detach().MoveToOuterDisposeScope(), gradient.detach().MoveToOuterDisposeScope());
    }

    private Tensor Explained(Tensor logits) =>
        output == ExplainedOutput.Probability ? nn.functional.softmax(logits, 1) : logits;

    private static Tensor Select(Tensor outputs, long[] targets)
    {
        var index = tensor(targets, ScalarType.Int64, outputs.device).reshape(-1, 1);
        return outputs.gather(1, index).sum();
    }
}
