using TorchSharp.Modules;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// The 35x35 Inception module (Szegedy et al. 2016, figure 5; Keras <c>mixed0</c>-<c>mixed2</c>, also
/// Inception-ResNet-v2's <c>mixed_5b</c>): 1x1; 1x1 then 5x5; 1x1 then two 3x3; 3x3 average pooling (padding excluded
/// from the mean, as Keras) then 1x1. Names follow torchvision.
/// </summary>
internal sealed class InceptionA : nn.Module<Tensor, Tensor>
{
    private readonly ConvBnAct branch1x1;
    private readonly ConvBnAct branch5x5_1;
    private readonly ConvBnAct branch5x5_2;
    private readonly ConvBnAct branch3x3dbl_1;
    private readonly ConvBnAct branch3x3dbl_2;
    private readonly ConvBnAct branch3x3dbl_3;
    private readonly AvgPool2d pool;
    private readonly ConvBnAct branch_pool;

    public InceptionA(long inChannels, long width1x1, long reduce5x5, long width5x5, long reduce3x3dbl, long width3x3dbl,
        long poolFeatures) : base(nameof(InceptionA))
    {
        branch1x1 = ConvBnAct.Relu(inChannels, width1x1, 1);
        branch5x5_1 = ConvBnAct.Relu(inChannels, reduce5x5, 1);
        branch5x5_2 = ConvBnAct.Relu(reduce5x5, width5x5, 5);
        branch3x3dbl_1 = ConvBnAct.Relu(inChannels, reduce3x3dbl, 1);
        branch3x3dbl_2 = ConvBnAct.Relu(reduce3x3dbl, width3x3dbl, 3);
        branch3x3dbl_3 = ConvBnAct.Relu(width3x3dbl, width3x3dbl, 3);
        pool = nn.AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false);
        branch_pool = ConvBnAct.Relu(inChannels, poolFeatures, 1);
        OutputChannels = width1x1 + width5x5 + width3x3dbl + poolFeatures;
        RegisterComponents();
    }

    public long OutputChannels { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return cat([
            branch1x1.call(input),
            branch5x5_2.call(branch5x5_1.call(input)),
            branch3x3dbl_3.call(branch3x3dbl_2.call(branch3x3dbl_1.call(input))),
            branch_pool.call(pool.call(input)),
        ], 1).MoveToOuterDisposeScope();
    }
}
