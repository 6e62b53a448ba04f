using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// Xception (Chollet 2017) in Keras's layout: a stem of two unpadded 3x3 convolutions (32 stride 2, 64), entry-flow
/// <see cref="XceptionBlock"/>s of 128, 256, 728, eight middle-flow blocks of three 728 separable convolutions, the
/// exit block (728, 1024) and separable convolutions of 1536 and 2048, each with batch norm and ReLU. The feature map
/// is Keras's <c>block14_sepconv2_act</c>, 2048 x about input/32. Minimum input 71 px, as Keras.
/// </summary>
public sealed class Xception : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 71;

    private readonly Sequential stem;
    private readonly Sequential blocks;
    private readonly Sequential exit;
    private readonly ClassifierHead head;

    public Xception(ModelSpec spec) : base(nameof(Xception), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        stem = nn.Sequential(
            ("block1_conv1", new ConvBnAct(spec.InputChannels, 32, (3, 3), (2, 2), (0, 0), nn.ReLU(inplace: false))),
            ("block1_conv2", new ConvBnAct(32, 64, (3, 3), (1, 1), (0, 0), nn.ReLU(inplace: false))));
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("block2", new XceptionBlock(64, [128, 128], startWithRelu: false, reduce: true)),
            ("block3", new XceptionBlock(128, [256, 256], startWithRelu: true, reduce: true)),
            ("block4", new XceptionBlock(256, [728, 728], startWithRelu: true, reduce: true)),
        };
        for (var i = 5; i <= 12; i++)
        {
            layers.Add(($"block{i}", new XceptionBlock(728, [728, 728, 728], startWithRelu: true, reduce: false)));
        }
        layers.Add(("block13", new XceptionBlock(728, [728, 1024], startWithRelu: true, reduce: true)));
        blocks = nn.Sequential(layers);
        exit = nn.Sequential(
            ("block14_sepconv1", new SeparableConv2d(1024, 1536)),
            ("block14_sepconv1_bn", nn.BatchNorm2d(1536, eps: 1e-3)),
            ("block14_sepconv1_act", nn.ReLU(inplace: false)),
            ("block14_sepconv2", new SeparableConv2d(1536, 2048)),
            ("block14_sepconv2_bn", nn.BatchNorm2d(2048, eps: 1e-3)),
            ("block14_sepconv2_act", nn.ReLU(inplace: false)));
        head = new ClassifierHead(spec.Head, 2048, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side: two unpadded stem convolutions, four stride-2 blocks.</summary>
    public static int FeatureMapSide(int inputSize)
    {
        var side = SpatialSize.After(SpatialSize.After(inputSize, 3, 2), 3);
        for (var i = 0; i < 4; i++) side = SpatialSize.After(side, 3, 2, 1);
        return side;
    }

    public override Tensor ForwardFeatureMap(Tensor input)
    {
        using var scope = NewDisposeScope();
        return exit.call(blocks.call(stem.call(input))).MoveToOuterDisposeScope();
    }

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
