using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// The 8x8 Inception module with expanded filter banks (Szegedy et al. 2016, figure 7; Keras <c>mixed9</c>,
/// <c>mixed10</c>): 1x1 (320); 1x1 (384) then parallel 1x3 and 3x1 (384 each); 1x1 (448), 3x3 (384), parallel 1x3 and
/// 3x1 (384 each); average pooling then 1x1 (192). 2048 channels out. Names follow torchvision.
/// </summary>
internal sealed class InceptionE : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct branch1x1;
    private readonly ConvBnAct branch3x3_1;
    private readonly ConvBnAct branch3x3_2a;
    private readonly ConvBnAct branch3x3_2b;
    private readonly ConvBnAct branch3x3dbl_1;
    private readonly ConvBnAct branch3x3dbl_2;
    private readonly ConvBnAct branch3x3dbl_3a;
    private readonly ConvBnAct branch3x3dbl_3b;
    private readonly AvgPool2d pool;
    private readonly ConvBnAct branch_pool;

    public InceptionE(long inChannels) : base(nameof(InceptionE))
    {
        branch1x1 = ConvBnAct.Relu(inChannels, 320, 1);
        branch3x3_1 = ConvBnAct.Relu(inChannels, 384, 1);
        branch3x3_2a = ConvBnAct.Relu(384, 384, (1, 3));
        branch3x3_2b = ConvBnAct.Relu(384, 384, (3, 1));
        branch3x3dbl_1 = ConvBnAct.Relu(inChannels, 448, 1);
        branch3x3dbl_2 = ConvBnAct.Relu(448, 384, 3);
        branch3x3dbl_3a = ConvBnAct.Relu(384, 384, (1, 3));
        branch3x3dbl_3b = ConvBnAct.Relu(384, 384, (3, 1));
        pool = nn.AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false);
        branch_pool = ConvBnAct.Relu(inChannels, 192, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var b3 = branch3x3_1.call(input);
        var dbl = branch3x3dbl_2.call(branch3x3dbl_1.call(input));
        return cat([
            branch1x1.call(input),
            branch3x3_2a.call(b3), branch3x3_2b.call(b3),
            branch3x3dbl_3a.call(dbl), branch3x3dbl_3b.call(dbl),
            branch_pool.call(pool.call(input)),
        ], 1).MoveToOuterDisposeScope();
    }
}
