using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// VGG (Simonyan &amp; Zisserman 2015, configurations D and E): stacks of 3x3 convolutions with bias and ReLU, no batch
/// norm, each stack closed by 2x2 max pooling. The feature map is the last convolution's ReLU output before the final
/// pooling (Keras <c>block5_conv3</c>/<c>block5_conv4</c>), 512 x input/16; the head starts with that pooling
/// (<c>block5_pool</c>). With <see cref="HeadKind.Flatten"/> the head is Keras's <c>include_top</c>: flatten (512 x
/// (input/32)^2), fc1 4096, fc2 4096, classifier, so the ImageNet configuration has Keras's 138.4M/143.7M parameters;
/// with <see cref="HeadKind.GlobalAveragePool"/> it is the shared pool + linear head (Keras <c>pooling='avg'</c>). Layer names follow torchvision
/// (<c>features.0</c>, <c>features.2</c>, ...). Minimum input 32 px.
/// </summary>
public abstract class Vgg : ClassifierModel
{
    /// <summary>Smallest input side (five 2x2 poolings), as Keras.</summary>
    public const int MinimumInputSize = 32;

    /// <summary>Width of Keras's fc1 and fc2 in the flatten head.</summary>
    public const int FullyConnectedWidth = 4096;

    private readonly Sequential features;
    private readonly MaxPool2d pool;
    private readonly ClassifierHead head;

    /// <param name="spec">What to build.</param>
    /// <param name="convolutionsPerStage">Convolutions in each of the five stages (VGG16: 2,2,3,3,3; VGG19: 2,2,4,4,4).</param>
    protected Vgg(string name, ModelSpec spec, IReadOnlyList<int> convolutionsPerStage) : base(name, spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        int[] widths = [64, 128, 256, 512, 512];
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inChannels = spec.InputChannels;
        for (var stage = 0; stage < widths.Length; stage++)
        {
            for (var i = 0; i < convolutionsPerStage[stage]; i++)
            {
                layers.Add(($"{layers.Count}", nn.Conv2d(inChannels, widths[stage], 3, padding: 1)));
                layers.Add(($"{layers.Count}", nn.ReLU(inplace: false)));
                inChannels = widths[stage];
            }
            // The last pooling belongs to the head so the feature map keeps Grad-CAM's resolution.
            if (stage < widths.Length - 1) layers.Add(($"{layers.Count}", nn.MaxPool2d(2)));
        }
        features = nn.Sequential(layers);
        pool = nn.MaxPool2d(2);
        head = spec.Head == HeadKind.Flatten
            ? new ClassifierHead(HeadKind.Flatten, inChannels, FeatureMapSide(spec.InputSize) / 2, spec.Classes,
                [FullyConnectedWidth, FullyConnectedWidth])
            : new ClassifierHead(HeadKind.GlobalAveragePool, inChannels, 1, spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side: four 2x2 poolings.</summary>
    public static int FeatureMapSide(int inputSize) => inputSize >> 4;

    public override Tensor ForwardFeatureMap(Tensor input) => features.call(input);

    public override Tensor Embed(Tensor featureMap)
    {
        using var scope = NewDisposeScope();
        return head.Embed(pool.call(featureMap)).MoveToOuterDisposeScope();
    }

    public override Tensor ForwardHead(Tensor featureMap)
    {
        using var scope = NewDisposeScope();
        return head.call(pool.call(featureMap)).MoveToOuterDisposeScope();
    }
}
