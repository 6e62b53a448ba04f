using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// The 17-to-8 grid reduction (Keras <c>mixed8</c>): 1x1 then unpadded stride-2 3x3 to 320; 1x1, 1x7, 7x1, unpadded
/// stride-2 3x3 to 192; unpadded stride-2 3x3 max pooling. Names follow torchvision.
/// </summary>
internal sealed class InceptionD : nn.Module<Tensor, Tensor>
{
    private readonly Sequential branch3x3;
    private readonly Sequential branch7x7x3;
    private readonly MaxPool2d pool;

    public InceptionD(long inChannels) : base(nameof(InceptionD))
    {
        branch3x3 = nn.Sequential(
            ("1", ConvBnAct.Relu(inChannels, 192, 1)),
            ("2", ConvBnAct.Relu(192, 320, 3, stride: 2, padding: 0)));
        branch7x7x3 = nn.Sequential(
            ("1", ConvBnAct.Relu(inChannels, 192, 1)),
            ("2", ConvBnAct.Relu(192, 192, (1, 7))),
            ("3", ConvBnAct.Relu(192, 192, (7, 1))),
            ("4", ConvBnAct.Relu(192, 192, 3, stride: 2, padding: 0)));
        pool = nn.MaxPool2d(3, stride: 2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([branch3x3.call(input), branch7x7x3.call(input), pool.call(input)], 1)
            .MoveToOuterDisposeScope();
    }
}
