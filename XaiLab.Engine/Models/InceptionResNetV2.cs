using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// Inception-ResNet-v2 (Szegedy et al. 2017) in Keras's layout: Inception-v3's unpadded stem, <c>mixed_5b</c> (an
/// <see cref="InceptionA"/> of 96, 48-64, 64-96-96, 64), ten <see cref="InceptionResNetBlock35"/> (scale 0.17),
/// <c>mixed_6a</c> (an <see cref="InceptionB"/> of 384, 256-256-384), twenty <see cref="InceptionResNetBlock17"/>
/// (0.1), <see cref="InceptionResNetReductionB"/>, nine <see cref="InceptionResNetBlock8"/> (0.2) and a last one
/// (scale 1, no activation), then <c>conv_7b</c> (1x1 to 1536, BN, ReLU). Batch norm has epsilon 1e-3 and, unlike
/// Keras (<c>scale=False</c>), a learned scale (0.05% more parameters). The feature map is Keras's <c>conv_7b_ac</c>,
/// 1536 x 8 x 8 at 299 px. Minimum input 75 px, as Keras.
/// </summary>
public sealed class InceptionResNetV2 : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 75;

    private readonly Sequential features;
    private readonly ClassifierHead head;

    public InceptionResNetV2(ModelSpec spec) : base(nameof(InceptionResNetV2), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv2d_1a", ConvBnAct.Relu(spec.InputChannels, 32, 3, stride: 2, padding: 0)),
            ("conv2d_2a", ConvBnAct.Relu(32, 32, 3, padding: 0)),
            ("conv2d_2b", ConvBnAct.Relu(32, 64, 3)),
            ("maxpool_3a", nn.MaxPool2d(3, stride: 2)),
            ("conv2d_3b", ConvBnAct.Relu(64, 80, 1)),
            ("conv2d_4a", ConvBnAct.Relu(80, 192, 3, padding: 0)),
            ("maxpool_5a", nn.MaxPool2d(3, stride: 2)),
        };
        var mixed5b = new InceptionA(192, 96, 48, 64, 64, 96, 64);
        layers.Add(("mixed_5b", mixed5b));
        var channels = mixed5b.OutputChannels;
        for (var i = 0; i < 10; i++) layers.Add(($"block35_{i + 1}", new InceptionResNetBlock35(channels)));
        var mixed6a = new InceptionB(channels, 384, 256, 256, 384);
        layers.Add(("mixed_6a", mixed6a));
        channels = mixed6a.OutputChannels;
        for (var i = 0; i < 20; i++) layers.Add(($"block17_{i + 1}", new InceptionResNetBlock17(channels)));
        var mixed7a = new InceptionResNetReductionB(channels);
        layers.Add(("mixed_7a", mixed7a));
        channels = mixed7a.OutputChannels;
        for (var i = 0; i < 9; i++) layers.Add(($"block8_{i + 1}", new InceptionResNetBlock8(channels, 0.2, activate: true)));
        layers.Add(("block8_10", new InceptionResNetBlock8(channels, 1.0, activate: false)));
        layers.Add(("conv_7b", ConvBnAct.Relu(channels, 1536, 1)));
        features = nn.Sequential(layers);
        head = new ClassifierHead(spec.Head, 1536, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side (the stem and both reductions are unpadded).</summary>
    public static int FeatureMapSide(int inputSize) => SpatialSize.AfterInceptionStemAndReductions(inputSize);

    public override Tensor ForwardFeatureMap(Tensor input) => features.call(input);

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
