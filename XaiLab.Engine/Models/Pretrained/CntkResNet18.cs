using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Pretrained;

/// <summary>
/// The ImageNet ResNet-18 of ML.NET's DnnImageFeaturizer (a CNTK export): stages of [2, 2, 2, 3] basic blocks (not
/// torchvision's [2, 2, 2, 2]), unfused batch norm, CNTK's asymmetric "same" padding (stem pads 3 before and 2 after,
/// stride-2 layers pad only before). Input: BGR 0–255 minus the mean image (see <see cref="CntkResNet18OnnxImporter"/>);
/// <see cref="forward"/> returns the 512-channel feature map, <see cref="Pool"/> the 512-d pooled features.
/// </summary>
public sealed class CntkResNet18 : nn.Module<Tensor, Tensor>
{
    /// <summary>Blocks per stage, as the ONNX graph has them.</summary>
    public static readonly IReadOnlyList<int> StageBlocks = [2, 2, 2, 3];

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly ModuleList<CntkResidualBlock> blocks = new();

    /// <summary>Builds the network with fresh weights; <paramref name="inputChannels"/> default 3 (BGR).</summary>
    public CntkResNet18(int inputChannels = 3) : base(nameof(CntkResNet18))
    {
        conv1 = nn.Conv2d(inputChannels, 64, 7, stride: 2, bias: false);
        bn1 = nn.BatchNorm2d(64);
        var inChannels = 64;
        for (var stage = 0; stage < StageBlocks.Count; stage++)
        {
            var outChannels = 64 << stage;
            for (var block = 0; block < StageBlocks[stage]; block++)
            {
                blocks.Add(new CntkResidualBlock($"layer{stage + 1}.{block}", inChannels, outChannels, stage > 0 && block == 0 ? 2 : 1));
                inChannels = outChannels;
            }
        }
        RegisterComponents();
    }

    /// <summary>Channels of the feature map and length of the pooled features.</summary>
    public const int FeatureChannels = 512;

    /// <summary>Convolution and batch-norm pairs in the ONNX graph's order: stem, then each block's.</summary>
    internal IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> ConvolutionsInGraphOrder() =>
        blocks.SelectMany(b => b.ConvolutionsInGraphOrder()).Prepend((conv1, bn1));

    /// <summary>The last block's output, [N, 512, h, w] (7×7 at 224).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(nn.functional.pad(input, [3, 2, 3, 2]))));
        // CNTK's max pool pads before only; padding with -inf keeps the padded cells out of every maximum.
        x = nn.functional.max_pool2d(nn.functional.pad(x, [1, 0, 1, 0], value: double.NegativeInfinity), 3, 2);
        foreach (var block in blocks) x = block.forward(x);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Global average of a feature map, [N, 512]: the featurizer's output (its 7×7 pool at 224).</summary>
    public static Tensor Pool(Tensor featureMap) => featureMap.mean([2, 3]);
}
