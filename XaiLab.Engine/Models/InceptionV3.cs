using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// Inception-v3 (Szegedy et al. 2016) in Keras's layout without the auxiliary classifier, with torchvision's names
/// (<c>Conv2d_1a_3x3</c> ... <c>Mixed_7c</c>): unpadded stem, three <see cref="InceptionA"/>, <see cref="InceptionB"/>,
/// four <see cref="InceptionC"/>, <see cref="InceptionD"/>, two <see cref="InceptionE"/>. Convolutions have no bias;
/// batch norm has epsilon 1e-3 and, unlike Keras (<c>scale=False</c>), a learned scale (17,216 more parameters,
/// 0.07%). The feature map is Keras's <c>mixed10</c>, 2048 x 8 x 8 at 299 px. Minimum input 75 px, as Keras.
/// </summary>
public sealed class InceptionV3 : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 75;

    private readonly Sequential features;
    private readonly ClassifierHead head;

    public InceptionV3(ModelSpec spec) : base(nameof(InceptionV3), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        features = nn.Sequential(
            ("Conv2d_1a_3x3", ConvBnAct.Relu(spec.InputChannels, 32, 3, stride: 2, padding: 0)),
            ("Conv2d_2a_3x3", ConvBnAct.Relu(32, 32, 3, padding: 0)),
            ("Conv2d_2b_3x3", ConvBnAct.Relu(32, 64, 3)),
            ("maxpool1", nn.MaxPool2d(3, stride: 2)),
            ("Conv2d_3b_1x1", ConvBnAct.Relu(64, 80, 1)),
            ("Conv2d_4a_3x3", ConvBnAct.Relu(80, 192, 3, padding: 0)),
            ("maxpool2", nn.MaxPool2d(3, stride: 2)),
            ("Mixed_5b", new InceptionA(192, 64, 48, 64, 64, 96, 32)),
            ("Mixed_5c", new InceptionA(256, 64, 48, 64, 64, 96, 64)),
            ("Mixed_5d", new InceptionA(288, 64, 48, 64, 64, 96, 64)),
            ("Mixed_6a", new InceptionB(288, 384, 64, 96, 96)),
            ("Mixed_6b", new InceptionC(768, 128)),
            ("Mixed_6c", new InceptionC(768, 160)),
            ("Mixed_6d", new InceptionC(768, 160)),
            ("Mixed_6e", new InceptionC(768, 192)),
            ("Mixed_7a", new InceptionD(768)),
            ("Mixed_7b", new InceptionE(1280)),
            ("Mixed_7c", new InceptionE(2048)));
        head = new ClassifierHead(spec.Head, 2048, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side (the stem and both reductions are unpadded).</summary>
    public static int FeatureMapSide(int inputSize) => SpatialSize.AfterInceptionStemAndReductions(inputSize);

    public override Tensor ForwardFeatureMap(Tensor input) => features.call(input);

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
