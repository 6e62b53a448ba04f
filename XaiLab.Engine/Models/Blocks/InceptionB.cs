using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// The 35-to-17 grid reduction (Keras <c>mixed3</c>, Inception-ResNet-v2's <c>mixed_6a</c>): unpadded stride-2 3x3;
/// 1x1, 3x3, unpadded stride-2 3x3; unpadded stride-2 3x3 max pooling. Names follow torchvision.
/// </summary>
internal sealed class InceptionB : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct branch3x3;
    private readonly ConvBnAct branch3x3dbl_1;
    private readonly ConvBnAct branch3x3dbl_2;
    private readonly ConvBnAct branch3x3dbl_3;
    private readonly MaxPool2d pool;

    public InceptionB(long inChannels, long width3x3, long reduce3x3dbl, long middle3x3dbl, long width3x3dbl)
        : base(nameof(InceptionB))
    {
        branch3x3 = ConvBnAct.Relu(inChannels, width3x3, 3, stride: 2, padding: 0);
        branch3x3dbl_1 = ConvBnAct.Relu(inChannels, reduce3x3dbl, 1);
        branch3x3dbl_2 = ConvBnAct.Relu(reduce3x3dbl, middle3x3dbl, 3);
        branch3x3dbl_3 = ConvBnAct.Relu(middle3x3dbl, width3x3dbl, 3, stride: 2, padding: 0);
        pool = nn.MaxPool2d(3, stride: 2);
        OutputChannels = width3x3 + width3x3dbl + inChannels;
        RegisterComponents();
    }

    public long OutputChannels { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([
            branch3x3.call(input),
            branch3x3dbl_3.call(branch3x3dbl_2.call(branch3x3dbl_1.call(input))),
            pool.call(input),
        ], 1).MoveToOuterDisposeScope();
    }
}
