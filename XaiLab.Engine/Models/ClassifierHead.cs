using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// The head shared by all architectures: the penultimate vector (global average pool, or the paper's flatten) followed
/// by one linear layer.
/// </summary>
public sealed class ClassifierHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear classifier;
    private readonly HeadKind kind;

    /// <param name="kind">Pooling or flatten.</param>
    /// <param name="channels">Channels of the feature map.</param>
    /// <param name="featureSize">Side of the feature map at the model's input size (used by <see cref="HeadKind.Flatten"/>).</param>
    /// <param name="classes">Output classes.</param>
    public ClassifierHead(HeadKind kind, long channels, long featureSize, long classes) : base(nameof(ClassifierHead))
    {
        this.kind = kind;
        FeatureLength = kind == HeadKind.Flatten ? channels * featureSize * featureSize : channels;
        classifier = nn.Linear(FeatureLength, classes);
        RegisterComponents();
    }

    /// <summary>Length of the penultimate feature vector.</summary>
    public long FeatureLength { get; }

    /// <summary>The penultimate vector [N, FeatureLength].</summary>
    public Tensor Embed(Tensor featureMap) =>
        kind == HeadKind.Flatten ? featureMap.flatten(1) : featureMap.mean([2L, 3L]);

    public override Tensor forward(Tensor featureMap)
    {
        using var scope = NewDisposeScope();
        return classifier.forward(Embed(featureMap)).MoveToOuterDisposeScope();
    }
}
