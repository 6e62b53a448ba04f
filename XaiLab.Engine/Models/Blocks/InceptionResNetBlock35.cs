using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Inception-ResNet-A, the 35x35 residual block of Inception-ResNet-v2 (Szegedy et al. 2017, figure 16; Keras
/// <c>block35</c>): 1x1 (32); 1x1, 3x3 (32, 32); 1x1, 3x3, 3x3 (32, 48, 64); concatenated, a 1x1 convolution with bias
/// back to 320 channels, scaled by 0.17, added to the input, then ReLU.
/// </summary>
internal sealed class InceptionResNetBlock35 : nn.Module<Tensor, Tensor>
{
    private const double Scale = 0.17;

    private readonly ConvBnAct branch0;
    private readonly Sequential branch1;
    private readonly Sequential branch2;
    private readonly Conv2d conv;
    private readonly ReLU relu;

    public InceptionResNetBlock35(long channels) : base(nameof(InceptionResNetBlock35))
    {
        branch0 = ConvBnAct.Relu(channels, 32, 1);
        branch1 = nn.Sequential(("0", ConvBnAct.Relu(channels, 32, 1)), ("1", ConvBnAct.Relu(32, 32, 3)));
        branch2 = nn.Sequential(
            ("0", ConvBnAct.Relu(channels, 32, 1)),
            ("1", ConvBnAct.Relu(32, 48, 3)),
            ("2", ConvBnAct.Relu(48, 64, 3)));
        conv = nn.Conv2d(32 + 32 + 64, channels, 1);
        relu = nn.ReLU(inplace: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var mixed = cat([branch0.call(input), branch1.call(input), branch2.call(input)], 1);
        return relu.call(input + conv.call(mixed) * Scale).MoveToOuterDisposeScope();
    }
}
