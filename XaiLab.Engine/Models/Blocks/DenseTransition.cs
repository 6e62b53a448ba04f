using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// DenseNet's transition between dense blocks: BN, ReLU, 1x1 convolution halving the channels (compression 0.5) and 2x2
/// average pooling. Names follow torchvision's <c>_Transition</c>.
/// </summary>
internal sealed class DenseTransition : nn.Module<Tensor, Tensor>
{
    private readonly BatchNorm2d norm;
    private readonly ReLU relu;
    private readonly Conv2d conv;
    private readonly AvgPool2d pool;

    public DenseTransition(long inChannels, long outChannels, double eps) : base(nameof(DenseTransition))
    {
        norm = nn.BatchNorm2d(inChannels, eps: eps);
        relu = nn.ReLU(inplace: false);
        conv = nn.Conv2d(inChannels, outChannels, 1, bias: false);
        pool = nn.AvgPool2d(2, stride: 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return pool.call(conv.call(relu.call(norm.call(input)))).MoveToOuterDisposeScope();
    }
}
