using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// EfficientNet's mobile inverted bottleneck (Tan &amp; Le 2019) in Keras's layout: 1x1 expansion + BN + SiLU (skipped
/// for ratio 1), depthwise kxk + BN + SiLU carrying the stride, <see cref="SqueezeExcitation"/> squeezing to a quarter of
/// the block's input channels, 1x1 projection + BN without activation; a residual with
/// <see cref="StochasticDepth"/> when stride 1 and the width is kept. Batch-norm epsilon 1e-3 as Keras.
/// </summary>
internal sealed class MBConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct? expand;
    private readonly ConvBnAct depthwise;
    private readonly SqueezeExcitation se;
    private readonly ConvBnAct project;
    private readonly StochasticDepth? stochastic_depth;

    public MBConvBlock(long inChannels, long outChannels, long kernel, long stride, long expandRatio, double dropConnectRate)
        : base(nameof(MBConvBlock))
    {
        var expanded = inChannels * expandRatio;
        if (expandRatio != 1) expand = new ConvBnAct(inChannels, expanded, (1, 1), (1, 1), (0, 0), nn.SiLU());
        depthwise = new ConvBnAct(expanded, expanded, (kernel, kernel), (stride, stride), (kernel / 2, kernel / 2),
            nn.SiLU(), groups: expanded);
        se = new SqueezeExcitation(expanded, Math.Max(1, inChannels / 4));
        project = new ConvBnAct(expanded, outChannels, (1, 1), (1, 1), (0, 0), activation: null);
        if (stride == 1 && inChannels == outChannels) stochastic_depth = new StochasticDepth(dropConnectRate);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = expand is null ? input : expand.call(input);
        x = project.call(se.call(depthwise.call(x)));
        if (stochastic_depth is not null) x = stochastic_depth.call(x) + input;
        return x.MoveToOuterDisposeScope();
    }
}
