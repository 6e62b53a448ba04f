using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Convolution, batch normalisation and an optional activation: Keras's <c>conv2d_bn</c> and torchvision's
/// <c>BasicConv2d</c>. The convolution has no bias because the batch norm's shift replaces it.
/// </summary>
internal sealed class ConvBnAct : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly nn.Module<Tensor, Tensor> act;

    /// <param name="activation">Activation after the norm; null for none.</param>
    /// <param name="eps">Batch-norm epsilon; Keras's Inception/Xception/EfficientNet use 1e-3.</param>
    public ConvBnAct(long inChannels, long outChannels, (long, long) kernel, (long, long) stride, (long, long) padding,
        nn.Module<Tensor, Tensor>? activation, double eps = 1e-3, long groups = 1) : base(nameof(ConvBnAct))
    {
        conv = nn.Conv2d(inChannels, outChannels, kernel, stride, padding, groups: groups, bias: false);
        bn = nn.BatchNorm2d(outChannels, eps: eps);
        act = activation ?? nn.Identity();
        RegisterComponents();
    }

    /// <summary>A square-kernel ReLU block with 'same' padding when <paramref name="padding"/> is -1.</summary>
    public static ConvBnAct Relu(long inChannels, long outChannels, long kernel, long stride = 1, long padding = -1) =>
        new(inChannels, outChannels, (kernel, kernel), (stride, stride),
            padding < 0 ? (kernel / 2, kernel / 2) : (padding, padding), nn.ReLU(inplace: false));

    /// <summary>A rectangular-kernel ReLU block with 'same' padding (Inception's 1x7/7x1 and 1x3/3x1 factorisations).</summary>
    public static ConvBnAct Relu(long inChannels, long outChannels, (long, long) kernel) =>
        new(inChannels, outChannels, kernel, (1, 1), (kernel.Item1 / 2, kernel.Item2 / 2), nn.ReLU(inplace: false));

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return act.call(bn.call(conv.call(input))).MoveToOuterDisposeScope();
    }
}
