using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// ResNet v2's pre-activation bottleneck (He et al. 2016b) in Keras's <c>block2</c> layout: batch norm + ReLU first;
/// a 1x1 projection (with bias) of the pre-activation when <paramref name="projection"/>, else the input itself, max
/// pooled 1x1 when strided; 1x1 and 3x3 convolutions without bias, each followed by batch norm + ReLU; a 1x1 expansion
/// with bias; the sum is not activated. Batch-norm epsilon 1.001e-5 as Keras.
/// </summary>
internal sealed class PreActBottleneck : nn.Module<Tensor, Tensor>
{
    private const double Eps = 1.001e-5;

    private readonly BatchNorm2d preact_bn;
    private readonly ReLU relu;
    private readonly Conv2d? shortcut;
    private readonly MaxPool2d? shortcut_pool;
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;

    public PreActBottleneck(long inChannels, long width, long stride, bool projection) : base(nameof(PreActBottleneck))
    {
        var outChannels = width * Bottleneck.Expansion;
        preact_bn = nn.BatchNorm2d(inChannels, eps: Eps);
        relu = nn.ReLU(inplace: false);
        if (projection) shortcut = nn.Conv2d(inChannels, outChannels, 1, stride: stride);
        else if (stride > 1) shortcut_pool = nn.MaxPool2d(1, stride: stride);
        conv1 = nn.Conv2d(inChannels, width, 1, bias: false);
        bn1 = nn.BatchNorm2d(width, eps: Eps);
        conv2 = nn.Conv2d(width, width, 3, stride: stride, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(width, eps: Eps);
        conv3 = nn.Conv2d(width, outChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var preact = relu.call(preact_bn.call(input));
        var identity = shortcut is not null ? shortcut.call(preact)
            : shortcut_pool is not null ? shortcut_pool.call(input)
            : input;
        var x = relu.call(bn1.call(conv1.call(preact)));
        x = relu.call(bn2.call(conv2.call(x)));
        return (conv3.call(x) + identity).MoveToOuterDisposeScope();
    }
}
