using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// DenseNet-121 (Huang et al. 2017): 7x7 stem, dense blocks of 6, 12, 24, 16 <see cref="DenseLayer"/>s with growth
/// rate 32, <see cref="DenseTransition"/>s with compression 0.5, final batch norm. Parameter names follow torchvision
/// (<c>features.conv0</c>, <c>features.denseblock1.denselayer1.norm1</c>, ..., <c>features.norm5</c>); batch-norm
/// epsilon 1.001e-5 as Keras. The feature map is the ReLU after <c>norm5</c> (Keras <c>relu</c>), 1024 x input/32.
/// Minimum input 32 px, as Keras.
/// </summary>
public sealed class DenseNet121 : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 32;

    private const int GrowthRate = 32;
    private const double Eps = 1.001e-5;

    private readonly Sequential features;
    private readonly ReLU relu;
    private readonly ClassifierHead head;

    public DenseNet121(ModelSpec spec) : base(nameof(DenseNet121), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        int[] blockLayers = [6, 12, 24, 16];
        long channels = 2 * GrowthRate;
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv0", nn.Conv2d(spec.InputChannels, channels, 7, stride: 2, padding: 3, bias: false)),
            ("norm0", nn.BatchNorm2d(channels, eps: Eps)),
            ("relu0", nn.ReLU(inplace: false)),
            ("pool0", nn.MaxPool2d(3, stride: 2, padding: 1)),
        };
        for (var block = 0; block < blockLayers.Length; block++)
        {
            var denseLayers = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (var i = 0; i < blockLayers[block]; i++)
            {
                denseLayers.Add(($"denselayer{i + 1}", new DenseLayer(channels, GrowthRate, Eps)));
                channels += GrowthRate;
            }
            layers.Add(($"denseblock{block + 1}", nn.Sequential(denseLayers)));
            if (block < blockLayers.Length - 1)
            {
                layers.Add(($"transition{block + 1}", new DenseTransition(channels, channels / 2, Eps)));
                channels /= 2;
            }
        }
        layers.Add(("norm5", nn.BatchNorm2d(channels, eps: Eps)));
        features = nn.Sequential(layers);
        relu = nn.ReLU(inplace: false);
        head = new ClassifierHead(spec.Head, channels, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side: stem stride 4, three 2x2 average poolings.</summary>
    public static int FeatureMapSide(int inputSize)
    {
        var side = SpatialSize.After(SpatialSize.After(inputSize, 7, 2, 3), 3, 2, 1);
        return side >> 3;
    }

    public override Tensor ForwardFeatureMap(Tensor input)
    {
        using var scope = NewDisposeScope();
        return relu.call(features.call(input)).MoveToOuterDisposeScope();
    }

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
