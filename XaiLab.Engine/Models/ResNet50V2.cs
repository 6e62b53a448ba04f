using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// ResNet-50 v2 with pre-activation (He et al. 2016, "Identity Mappings in Deep Residual Networks") in Keras's layout:
/// 7x7 stem convolution with bias and no norm, 3x3 max pooling, four stacks of 3, 4, 6, 3
/// <see cref="PreActBottleneck"/>s where the first block projects and the last carries the stride (none in the
/// last stack), then <c>post_bn</c> + <c>post_relu</c>. The feature map is <c>post_relu</c>, 2048 x input/32.
/// Minimum input 32 px, as Keras.
/// </summary>
public sealed class ResNet50V2 : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 32;

    private readonly Conv2d conv1;
    private readonly MaxPool2d pool1;
    private readonly Sequential conv2;
    private readonly Sequential conv3;
    private readonly Sequential conv4;
    private readonly Sequential conv5;
    private readonly BatchNorm2d post_bn;
    private readonly ReLU post_relu;
    private readonly ClassifierHead head;

    public ResNet50V2(ModelSpec spec) : base(nameof(ResNet50V2), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        conv1 = nn.Conv2d(spec.InputChannels, 64, 7, stride: 2, padding: 3);
        pool1 = nn.MaxPool2d(3, stride: 2, padding: 1);
        long channels = 64;
        conv2 = Stack(ref channels, 64, 3, 2);
        conv3 = Stack(ref channels, 128, 4, 2);
        conv4 = Stack(ref channels, 256, 6, 2);
        conv5 = Stack(ref channels, 512, 3, 1);
        post_bn = nn.BatchNorm2d(channels, eps: 1.001e-5);
        post_relu = nn.ReLU(inplace: false);
        head = new ClassifierHead(spec.Head, channels, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side.</summary>
    public static int FeatureMapSide(int inputSize)
    {
        var side = SpatialSize.After(SpatialSize.After(inputSize, 7, 2, 3), 3, 2, 1);
        for (var i = 0; i < 3; i++) side = SpatialSize.After(side, 3, 2, 1);
        return side;
    }

    public override Tensor ForwardFeatureMap(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool1.call(conv1.call(input));
        x = conv5.call(conv4.call(conv3.call(conv2.call(x))));
        return post_relu.call(post_bn.call(x)).MoveToOuterDisposeScope();
    }

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);

    private static Sequential Stack(ref long channels, long width, int blocks, long lastStride)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i < blocks; i++)
        {
            var stride = i == blocks - 1 ? lastStride : 1;
            layers.Add(($"block{i + 1}", new PreActBottleneck(channels, width, stride, projection: i == 0)));
            channels = width * Bottleneck.Expansion;
        }
        return nn.Sequential(layers);
    }
}
