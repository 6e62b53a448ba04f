using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Inception-ResNet-v2's 17-to-8 reduction (Szegedy et al. 2017, figure 18; Keras <c>mixed_7a</c>): 1x1 then unpadded
/// stride-2 3x3 to 384; 1x1 then stride-2 3x3 to 288; 1x1, 3x3, stride-2 3x3 to 320; stride-2 3x3 max pooling.
/// </summary>
internal sealed class InceptionResNetReductionB : nn.Module<Tensor, Tensor>
{
    private readonly Sequential branch0;
    private readonly Sequential branch1;
    private readonly Sequential branch2;
    private readonly MaxPool2d pool;

    public InceptionResNetReductionB(long inChannels) : base(nameof(InceptionResNetReductionB))
    {
        branch0 = nn.Sequential(
            ("0", ConvBnAct.Relu(inChannels, 256, 1)),
            ("1", ConvBnAct.Relu(256, 384, 3, stride: 2, padding: 0)));
        branch1 = nn.Sequential(
            ("0", ConvBnAct.Relu(inChannels, 256, 1)),
            ("1", ConvBnAct.Relu(256, 288, 3, stride: 2, padding: 0)));
        branch2 = nn.Sequential(
            ("0", ConvBnAct.Relu(inChannels, 256, 1)),
            ("1", ConvBnAct.Relu(256, 288, 3)),
            ("2", ConvBnAct.Relu(288, 320, 3, stride: 2, padding: 0)));
        pool = nn.MaxPool2d(3, stride: 2);
        OutputChannels = 384 + 288 + 320 + inChannels;
        RegisterComponents();
    }

    public long OutputChannels { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([branch0.call(input), branch1.call(input), branch2.call(input), pool.call(input)], 1)
            .MoveToOuterDisposeScope();
    }
}
