using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Inception-ResNet-C, the 8x8 residual block of Inception-ResNet-v2 (Szegedy et al. 2017, figure 19; Keras
/// <c>block8</c>): 1x1 (192); 1x1, 1x3, 3x1 (192, 224, 256); concatenated, a 1x1 convolution with bias back to 2080
/// channels, scaled and added to the input, then ReLU unless it is the last block (scale 1, no activation, as Keras).
/// </summary>
internal sealed class InceptionResNetBlock8 : nn.Module<Tensor, Tensor>
{
    private readonly double scale;
    private readonly ConvBnAct branch0;
    private readonly Sequential branch1;
    private readonly Conv2d conv;
    private readonly nn.Module<Tensor, Tensor> activation;

    public InceptionResNetBlock8(long channels, double scale, bool activate) : base(nameof(InceptionResNetBlock8))
    {
        this.scale = scale;
        branch0 = ConvBnAct.Relu(channels, 192, 1);
        branch1 = nn.Sequential(
            ("0", ConvBnAct.Relu(channels, 192, 1)),
            ("1", ConvBnAct.Relu(192, 224, (1, 3))),
            ("2", ConvBnAct.Relu(224, 256, (3, 1))));
        conv = nn.Conv2d(192 + 256, channels, 1);
        activation = activate ? nn.ReLU(inplace: false) : nn.Identity();
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var mixed = cat([branch0.call(input), branch1.call(input)], 1);
        return activation.call(input + conv.call(mixed) * scale).MoveToOuterDisposeScope();
    }
}
