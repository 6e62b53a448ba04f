using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// The head shared by all architectures: the penultimate vector (global average pool, or the paper's flatten, optionally
/// followed by fully connected ReLU layers such as VGG's fc1/fc2) and one linear classifier.
/// </summary>
public sealed class ClassifierHead : nn.Module<Tensor, Tensor>
{
    private readonly Sequential hidden;
    private readonly Linear classifier;
    private readonly HeadKind kind;

    /// <param name="kind">Pooling or flatten.</param>
    /// <param name="channels">Channels of the feature map.</param>
    /// <param name="featureSize">Side of the feature map at the model's input size (used by <see cref="HeadKind.Flatten"/>).</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="hiddenWidths">
    /// Widths of fully connected ReLU layers between the pooled/flattened vector and the classifier; default none.
    /// When given, <see cref="Embed"/> returns the last hidden layer's output.
    /// </param>
    public ClassifierHead(HeadKind kind, long channels, long featureSize, long classes,
        IReadOnlyList<long>? hiddenWidths = null) : base(nameof(ClassifierHead))
    {
        this.kind = kind;
        var width = kind == HeadKind.Flatten ? channels * featureSize * featureSize : channels;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (var (hiddenWidth, index) in (hiddenWidths ?? []).Select((w, i) => (w, i)))
        {
            layers.Add(($"fc{index + 1}", nn.Linear(width, hiddenWidth)));
            layers.Add(($"relu{index + 1}", nn.ReLU(inplace: false)));
            width = hiddenWidth;
        }
        hidden = nn.Sequential(layers);
        FeatureLength = width;
        classifier = nn.Linear(FeatureLength, classes);
        RegisterComponents();
    }

    /// <summary>Length of the penultimate feature vector.</summary>
    public long FeatureLength { get; }

    /// <summary>The penultimate vector [N, FeatureLength].</summary>
    public Tensor Embed(Tensor featureMap)
    {
        using var scope = NewDisposeScope();
        var vector = kind == HeadKind.Flatten ? featureMap.flatten(1) : featureMap.mean([2L, 3L]);
        return hidden.call(vector).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor featureMap)
    {
        using var scope = NewDisposeScope();
        return classifier.call(Embed(featureMap)).MoveToOuterDisposeScope();
    }
}
