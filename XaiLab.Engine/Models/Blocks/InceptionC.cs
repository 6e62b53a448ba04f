using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// The 17x17 Inception module with factorised 7x7 convolutions (Szegedy et al. 2016, figure 6; Keras
/// <c>mixed4</c>-<c>mixed7</c>): 1x1; 1x1, 1x7, 7x1; 1x1, 7x1, 1x7, 7x1, 1x7; average pooling then 1x1. 768 channels
/// out. Names follow torchvision.
/// </summary>
internal sealed class InceptionC : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct branch1x1;
    private readonly Sequential branch7x7;
    private readonly Sequential branch7x7dbl;
    private readonly AvgPool2d pool;
    private readonly ConvBnAct branch_pool;

    /// <param name="width7x7">Width inside the factorised branches (128, 160, 160, 192 in Keras).</param>
    public InceptionC(long inChannels, long width7x7) : base(nameof(InceptionC))
    {
        const long width = 192;
        branch1x1 = ConvBnAct.Relu(inChannels, width, 1);
        branch7x7 = nn.Sequential(
            ("1", ConvBnAct.Relu(inChannels, width7x7, 1)),
            ("2", ConvBnAct.Relu(width7x7, width7x7, (1, 7))),
            ("3", ConvBnAct.Relu(width7x7, width, (7, 1))));
        branch7x7dbl = nn.Sequential(
            ("1", ConvBnAct.Relu(inChannels, width7x7, 1)),
            ("2", ConvBnAct.Relu(width7x7, width7x7, (7, 1))),
            ("3", ConvBnAct.Relu(width7x7, width7x7, (1, 7))),
            ("4", ConvBnAct.Relu(width7x7, width7x7, (7, 1))),
            ("5", ConvBnAct.Relu(width7x7, width, (1, 7))));
        pool = nn.AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false);
        branch_pool = ConvBnAct.Relu(inChannels, width, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([
            branch1x1.call(input),
            branch7x7.call(input),
            branch7x7dbl.call(input),
            branch_pool.call(pool.call(input)),
        ], 1).MoveToOuterDisposeScope();
    }
}
