using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Pretrained;

/// <summary>
/// ResNet basic block as CNTK exported it: two 3×3 convolutions with batch norm, a 1×1 projection when the block
/// downsamples, and CNTK's "same" padding, which pads a stride-2 convolution on the top and left only.
/// </summary>
internal sealed class CntkResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d? downsample;
    private readonly BatchNorm2d? downsampleBn;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly int stride;

    public CntkResidualBlock(string name, int inChannels, int outChannels, int stride) : base(name)
    {
        this.stride = stride;
        if (stride != 1 || inChannels != outChannels)
        {
            downsample = nn.Conv2d(inChannels, outChannels, 1, stride: stride, bias: false);
            downsampleBn = nn.BatchNorm2d(outChannels);
        }
        conv1 = nn.Conv2d(inChannels, outChannels, 3, stride: stride, padding: stride == 1 ? 1 : 0, bias: false);
        bn1 = nn.BatchNorm2d(outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(outChannels);
        RegisterComponents();
    }

    /// <summary>Convolution and batch-norm pairs in the order the ONNX graph lists them (projection first).</summary>
    public IEnumerable<(Conv2d Conv, BatchNorm2d Norm)> ConvolutionsInGraphOrder()
    {
        if (downsample is not null) yield return (downsample, downsampleBn!);
        yield return (conv1, bn1);
        yield return (conv2, bn2);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var shortcut = downsample is null ? input : downsampleBn!.forward(downsample.forward(input));
        var padded = stride == 1 ? input : nn.functional.pad(input, [1, 0, 1, 0]);
        var x = nn.functional.relu(bn1.forward(conv1.forward(padded)));
        x = bn2.forward(conv2.forward(x));
        return nn.functional.relu(x + shortcut).MoveToOuterDisposeScope();
    }
}
