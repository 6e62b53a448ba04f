using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// ResNet-50 (He et al. 2016) in torchvision's layout and parameter names (<c>conv1</c>, <c>bn1</c>,
/// <c>layer1.0.conv1</c>, ..., <c>layer4.2.bn3</c>): 3, 4, 6, 3 bottlenecks of widths 64-512, stride on the 3x3
/// convolution (v1.5), convolutions without bias. Keras puts the stride on the first 1x1 convolution and gives every
/// convolution a bias (26,560 more parameters, 0.1%). The feature map is the last block's ReLU output (Keras
/// <c>conv5_block3_out</c>), 2048 x input/32. Minimum input 32 px, as Keras.
/// </summary>
public sealed class ResNet50 : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 32;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ReLU relu;
    private readonly MaxPool2d maxpool;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;
    private readonly ClassifierHead head;

    public ResNet50(ModelSpec spec) : base(nameof(ResNet50), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        conv1 = nn.Conv2d(spec.InputChannels, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = nn.BatchNorm2d(64);
        relu = nn.ReLU(inplace: false);
        maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        long channels = 64;
        layer1 = Stage(ref channels, 64, 3, 1);
        layer2 = Stage(ref channels, 128, 4, 2);
        layer3 = Stage(ref channels, 256, 6, 2);
        layer4 = Stage(ref channels, 512, 3, 2);
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
        var x = maxpool.call(relu.call(bn1.call(conv1.call(input))));
        x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
        return x.MoveToOuterDisposeScope();
    }

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);

    private static Sequential Stage(ref long channels, long width, int blocks, long stride)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i < blocks; i++)
        {
            layers.Add(($"{i}", new Bottleneck(channels, width, i == 0 ? stride : 1)));
            channels = width * Bottleneck.Expansion;
        }
        return nn.Sequential(layers);
    }
}
