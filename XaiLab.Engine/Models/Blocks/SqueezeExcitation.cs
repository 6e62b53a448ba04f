using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Squeeze-and-excitation (Hu et al. 2018) as in EfficientNet: global average pool, 1x1 convolution with bias to the
/// squeezed width, SiLU, 1x1 convolution with bias back, sigmoid, and channel-wise rescaling of the input.
/// </summary>
internal sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d fc1;
    private readonly SiLU activation;
    private readonly Conv2d fc2;
    private readonly Sigmoid scale_activation;

    public SqueezeExcitation(long channels, long squeezedChannels) : base(nameof(SqueezeExcitation))
    {
        fc1 = nn.Conv2d(channels, squeezedChannels, 1);
        activation = nn.SiLU();
        fc2 = nn.Conv2d(squeezedChannels, channels, 1);
        scale_activation = nn.Sigmoid();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var squeezed = input.mean([2L, 3L], keepdim: true);
        var scale = scale_activation.call(fc2.call(activation.call(fc1.call(squeezed))));
        return (input * scale).MoveToOuterDisposeScope();
    }
}
