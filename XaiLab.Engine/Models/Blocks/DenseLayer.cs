using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// DenseNet's composite layer (Huang et al. 2017, DenseNet-B): BN, ReLU, 1x1 convolution to 4 x growth, BN, ReLU, 3x3
/// convolution to growth; its output is concatenated to its input. Names follow torchvision's <c>_DenseLayer</c>.
/// </summary>
internal sealed class DenseLayer : nn.Module<Tensor, Tensor>
{
    private readonly BatchNorm2d norm1;
    private readonly ReLU relu1;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d norm2;
    private readonly ReLU relu2;
    private readonly Conv2d conv2;

    public DenseLayer(long inChannels, long growthRate, double eps) : base(nameof(DenseLayer))
    {
        const int bottleneckFactor = 4;
        norm1 = nn.BatchNorm2d(inChannels, eps: eps);
        relu1 = nn.ReLU(inplace: false);
        conv1 = nn.Conv2d(inChannels, bottleneckFactor * growthRate, 1, bias: false);
        norm2 = nn.BatchNorm2d(bottleneckFactor * growthRate, eps: eps);
        relu2 = nn.ReLU(inplace: false);
        conv2 = nn.Conv2d(bottleneckFactor * growthRate, growthRate, 3, padding: 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = conv1.call(relu1.call(norm1.call(input)));
        x = conv2.call(relu2.call(norm2.call(x)));
        return cat([input, x], 1).MoveToOuterDisposeScope();
    }
}
