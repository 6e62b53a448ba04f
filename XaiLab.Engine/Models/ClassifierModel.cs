using TorchSharp;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// Base of every XaiLab network. The forward pass is split at the last convolutional feature map so that Grad-CAM and
/// embeddings need no hooks: <c>forward(x) = ForwardHead(ForwardFeatureMap(x))</c>. Implementations use no in-place
/// activations, so gradients through any layer stay correct.
/// </summary>
public abstract class ClassifierModel : nn.Module<Tensor, Tensor>
{
    protected ClassifierModel(string name, ModelSpec spec) : base(name)
    {
        Spec = spec;
    }

    /// <summary>What this model was built from.</summary>
    public ModelSpec Spec { get; }

    /// <summary>The output of the last convolutional layer (block), shape [N, C, h, w]: Grad-CAM's layer.</summary>
    public abstract Tensor ForwardFeatureMap(Tensor input);

    /// <summary>The penultimate feature vector [N, D] computed from a feature map (pooled or flattened).</summary>
    public abstract Tensor Embed(Tensor featureMap);

    /// <summary>Class logits [N, classes] from a feature map.</summary>
    public abstract Tensor ForwardHead(Tensor featureMap);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return ForwardHead(ForwardFeatureMap(input)).MoveToOuterDisposeScope();
    }
}
