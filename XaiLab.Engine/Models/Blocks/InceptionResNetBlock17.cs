using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Inception-ResNet-B, the 17x17 residual block of Inception-ResNet-v2 (Szegedy et al. 2017, figure 17; Keras
/// <c>block17</c>): 1x1 (192); 1x1, 1x7, 7x1 (128, 160, 192); concatenated, a 1x1 convolution with bias back to 1088
/// channels, scaled by 0.1, added to the input, then ReLU.
/// </summary>
internal sealed class InceptionResNetBlock17 : nn.Module<Tensor, Tensor>
{
    private const double Scale = 0.1;

    private readonly ConvBnAct branch0;
    private readonly Sequential branch1;
    private readonly Conv2d conv;
    private readonly ReLU relu;

    public InceptionResNetBlock17(long channels) : base(nameof(InceptionResNetBlock17))
    {
        branch0 = ConvBnAct.Relu(channels, 192, 1);
        branch1 = nn.Sequential(
            ("0", ConvBnAct.Relu(channels, 128, 1)),
            ("1", ConvBnAct.Relu(128, 160, (1, 7))),
            ("2", ConvBnAct.Relu(160, 192, (7, 1))));
        conv = nn.Conv2d(192 + 192, channels, 1);
        relu = nn.ReLU(inplace: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var mixed = cat([branch0.call(input), branch1.call(input)], 1);
        return relu.call(input + conv.call(mixed) * Scale).MoveToOuterDisposeScope();
    }
}
