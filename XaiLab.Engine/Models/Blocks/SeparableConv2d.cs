using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Keras's <c>SeparableConv2D</c> without bias: a 3x3 depthwise convolution then a 1x1 pointwise one. Counted as one
/// layer in <see cref="ModelCatalog"/>'s depth, as Keras does.
/// </summary>
internal sealed class SeparableConv2d : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d depthwise;
    private readonly Conv2d pointwise;

    public SeparableConv2d(long inChannels, long outChannels) : base(nameof(SeparableConv2d))
    {
        depthwise = nn.Conv2d(inChannels, inChannels, 3, padding: 1, groups: inChannels, bias: false);
        pointwise = nn.Conv2d(inChannels, outChannels, 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return pointwise.call(depthwise.call(input)).MoveToOuterDisposeScope();
    }
}
