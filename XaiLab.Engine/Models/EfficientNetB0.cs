using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// EfficientNet-B0 (Tan &amp; Le 2019) in Keras's layout: 3x3 stride-2 stem with 32 channels, seven stages of
/// <see cref="MBConvBlock"/>s (kernel, repeats, output width, stride, expansion: 3,1,16,1,1; 3,2,24,2,6; 5,2,40,2,6;
/// 3,3,80,2,6; 5,3,112,1,6; 5,4,192,2,6; 3,1,320,1,6) with squeeze-excitation and SiLU, and a 1x1 top convolution to
/// 1280 channels. Drop connect rises linearly over the 16 blocks to <see cref="DropConnectRate"/> (Keras's default 0.2);
/// it only acts in training. Keras's built-in input rescaling/normalisation is left to the data pipeline. The feature
/// map is the top activation (Keras <c>top_activation</c>), 1280 x input/32. Minimum input 32 px, as Keras.
/// </summary>
public sealed class EfficientNetB0 : ClassifierModel
{
    /// <summary>Smallest input side, as Keras.</summary>
    public const int MinimumInputSize = 32;

    /// <summary>Drop-connect rate of the last block; default 0.2 as Keras.</summary>
    public const double DropConnectRate = 0.2;

    private static readonly (int Kernel, int Repeats, int Width, int Stride, int Expand)[] Stages =
    [
        (3, 1, 16, 1, 1), (3, 2, 24, 2, 6), (5, 2, 40, 2, 6), (3, 3, 80, 2, 6),
        (5, 3, 112, 1, 6), (5, 4, 192, 2, 6), (3, 1, 320, 1, 6),
    ];

    private readonly ConvBnAct stem;
    private readonly Sequential blocks;
    private readonly ConvBnAct top;
    private readonly ClassifierHead head;

    public EfficientNetB0(ModelSpec spec) : base(nameof(EfficientNetB0), spec)
    {
        SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        long channels = 32;
        stem = new ConvBnAct(spec.InputChannels, channels, (3, 3), (2, 2), (1, 1), nn.SiLU());
        var total = Stages.Sum(stage => stage.Repeats);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (var (kernel, repeats, width, stride, expand) in Stages)
        {
            for (var i = 0; i < repeats; i++)
            {
                var rate = DropConnectRate * layers.Count / total;
                layers.Add(($"{layers.Count}", new MBConvBlock(channels, width, kernel, i == 0 ? stride : 1, expand, rate)));
                channels = width;
            }
        }
        blocks = nn.Sequential(layers);
        top = new ConvBnAct(channels, 1280, (1, 1), (1, 1), (0, 0), nn.SiLU());
        head = new ClassifierHead(spec.Head, 1280, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
    }

    /// <summary>Side of the feature map for an input side: five stride-2 'same' convolutions.</summary>
    public static int FeatureMapSide(int inputSize)
    {
        var side = inputSize;
        for (var i = 0; i < 5; i++) side = SpatialSize.After(side, 3, 2, 1);
        return side;
    }

    public override Tensor ForwardFeatureMap(Tensor input)
    {
        using var scope = NewDisposeScope();
        return top.call(blocks.call(stem.call(input))).MoveToOuterDisposeScope();
    }

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
