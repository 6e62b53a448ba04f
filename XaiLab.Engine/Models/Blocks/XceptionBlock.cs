using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// A residual block of Xception's entry, middle or exit flow (Chollet 2017) in Keras's layout: for each width, ReLU
/// (omitted before the first separable convolution of block 2), <see cref="SeparableConv2d"/> and batch norm; when
/// reducing, 3x3 stride-2 max pooling and a 1x1 stride-2 convolution + batch norm on the shortcut, else the identity.
/// </summary>
internal sealed class XceptionBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Sequential? shortcut;

    /// <param name="widths">Output width of each separable convolution.</param>
    /// <param name="startWithRelu">Whether a ReLU precedes the first separable convolution.</param>
    /// <param name="reduce">Whether the block halves the spatial size and projects the shortcut.</param>
    public XceptionBlock(long inChannels, IReadOnlyList<long> widths, bool startWithRelu, bool reduce)
        : base(nameof(XceptionBlock))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var channels = inChannels;
        for (var i = 0; i < widths.Count; i++)
        {
            if (i > 0 || startWithRelu) layers.Add(($"relu{i + 1}", nn.ReLU(inplace: false)));
            layers.Add(($"sepconv{i + 1}", new SeparableConv2d(channels, widths[i])));
            layers.Add(($"sepconv{i + 1}_bn", nn.BatchNorm2d(widths[i], eps: 1e-3)));
            channels = widths[i];
        }
        if (reduce)
        {
            layers.Add(("pool", nn.MaxPool2d(3, stride: 2, padding: 1)));
            shortcut = nn.Sequential(
                ("conv", nn.Conv2d(inChannels, channels, 1, stride: 2, bias: false)),
                ("bn", nn.BatchNorm2d(channels, eps: 1e-3)));
        }
        body = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var residual = shortcut is null ? input : shortcut.call(input);
        return (body.call(input) + residual).MoveToOuterDisposeScope();
    }
}
