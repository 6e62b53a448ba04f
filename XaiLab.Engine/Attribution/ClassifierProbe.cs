using TorchSharp;
using XaiLab.Engine.Models;
using XaiLab.Engine.Runtime;
using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// The <see cref="IModelProbe"/> of a <see cref="ClassifierModel"/>: puts the model in eval mode on a device and answers
/// outputs and gradients with <c>torch.autograd.grad</c>, so the parameters' <c>.grad</c> are never written. While it
/// computes a gradient the parameters are frozen (<c>requires_grad</c> off, restored afterwards, also on exceptions), so
/// autograd builds no weight-gradient graph: about a third less work per forward+backward on the CPU.
/// </summary>
public sealed class ClassifierProbe : IModelProbe
{
    private readonly ClassifierModel model;

    /// <param name="model">The trained model; switched to eval mode (batch norm uses running statistics).</param>
    /// <param name="output">What is explained; default the softmax probability (as the paper and PAIR saliency).</param>
    /// <param name="device">Where the model runs; default null = <see cref="TorchRuntime.Resolve"/>("auto").</param>
    /// <param name="format">
    /// Number format and memory layout the model computes in; default null = <see cref="ComputeFormat.Default"/> (float32,
    /// NCHW). A bf16 format casts the model's weights in place; results are float32 either way.
    /// </param>
    public ClassifierProbe(ClassifierModel model, ExplainedOutput output = ExplainedOutput.Probability, Device? device = null,
        ComputeFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        Output = output;
        Device = device ?? TorchRuntime.Resolve("auto");
        Format = format ?? ComputeFormat.Default;
        model.to(Device);
        Format.Prepare(model);
        model.eval();
    }

    /// <summary>The number format and layout the model computes in.</summary>
    public ComputeFormat Format { get; }

    /// <summary>The explained output.</summary>
    public ExplainedOutput Output { get; }

    /// <summary>The device the model runs on.</summary>
    public Device Device { get; }

    /// <summary>Classes of the model.</summary>
    public int Classes => model.Spec.Classes;

    /// <inheritdoc />
    public Tensor Outputs(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        var x = Format.Input(inputs.detach().to(Device));
        return Explained(model.forward(x)).to(inputs.device).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor InputGradients(Tensor inputs, long[] targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckTargets(inputs, targets);
        using var enableGrad = torch.enable_grad();
        using var frozen = new FrozenParameters(model);
        using var scope = NewDisposeScope();
        var x = inputs.detach().to(Device).requires_grad_(true);
        var selected = Selected(model.forward(Format.Input(x)), targets);
        var gradient = torch.autograd.grad([selected], [x])[0];
        return gradient.to(inputs.device).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public (Tensor Activations, Tensor Gradients) LayerGradients(Tensor inputs, long[] targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        CheckTargets(inputs, targets);
        using var enableGrad = torch.enable_grad();
        using var frozen = new FrozenParameters(model);
        using var scope = NewDisposeScope();
        var x = Format.Input(inputs.detach().to(Device));
        Tensor features;
        using (torch.no_grad())
        {
            features = model.ForwardFeatureMap(x).to_type(ScalarType.Float32);
        }
        // A detached leaf: the backward pass stops at the feature map instead of running through the convolutions.
        var leaf = features.detach().requires_grad_(true);
        var selected = Selected(model.ForwardHead(Format.Input(leaf)), targets);
        var gradient = torch.autograd.grad([selected], [leaf])[0];
        var activations = features.to(inputs.device).MoveToOuterDisposeScope();
        return (activations, gradient.to(inputs.device).MoveToOuterDisposeScope());
    }

    /// <summary>The explained output in float32, whatever the model computes in.</summary>
    private Tensor Explained(Tensor logits)
    {
        var wide = logits.dtype == ScalarType.Float32 ? logits : logits.to_type(ScalarType.Float32);
        return Output == ExplainedOutput.Probability ? nn.functional.softmax(wide, 1) : wide;
    }

    /// <summary>Sum over rows of the explained output of each row's target: rows are independent in eval mode.</summary>
    private Tensor Selected(Tensor logits, long[] targets)
    {
        var index = torch.tensor(targets, device: logits.device).unsqueeze(1);
        return Explained(logits).gather(1, index).sum();
    }

    private void CheckTargets(Tensor inputs, long[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != inputs.shape[0])
        {
            throw new ArgumentException($"{targets.Length} targets for a batch of {inputs.shape[0]}.", nameof(targets));
        }
        if (targets.Any(t => t < 0 || t >= Classes))
        {
            throw new ArgumentOutOfRangeException(nameof(targets), $"Targets must be class indices below {Classes}.");
        }
    }
}
