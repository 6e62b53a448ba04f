using XaiLab.Engine.Models.Pretrained;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// Transfer learning for small medical datasets: ML.NET's ImageNet-trained ResNet-18 (<see cref="CntkResNet18"/>, weights
/// from <see cref="PretrainedWeights"/>) with a fresh <see cref="ClassifierHead"/>. Its input is the slice on the 0..1
/// scale (the preprocessor's statistics are the identity for this architecture, see
/// <see cref="ModelFactory.ExpectsUnitRangeInput"/>); the model itself does the backbone's own preprocessing: a gray plane
/// is replicated to B, G and R, scaled to 0–255 and the ImageNet mean image (resized to the input) subtracted. Accepts 1
/// or 3 input channels; minimum input 32 px (the feature map is input/32).
/// </summary>
public sealed class ResNet18ImageNet : ClassifierModel
{
    /// <summary>Smallest input side: five stride-2 stages.</summary>
    public const int MinimumInputSize = 32;

    private readonly CntkResNet18 backbone;
    private readonly Tensor mean_image;
    private readonly ClassifierHead head;

    /// <summary>Builds the network with the ImageNet weights from <see cref="PretrainedWeights.Directory"/>.</summary>
    public ResNet18ImageNet(ModelSpec spec) : base(nameof(ResNet18ImageNet), spec)
    {
        Blocks.SpatialSize.RequireAtLeast(spec, MinimumInputSize);
        if (spec.InputChannels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.InputChannels,
                "resnet18-imagenet takes 1 (gray, replicated to BGR) or 3 (BGR) input channels.");
        }
        backbone = CntkResNet18OnnxImporter.Load(PretrainedWeights.Require(PretrainedWeights.ResNet18Path));
        using (var mean = CntkResNet18OnnxImporter.LoadMeanImage(PretrainedWeights.Require(PretrainedWeights.ResNet18PreprocessPath)))
        {
            mean_image = spec.InputSize == mean.shape[2]
                ? mean.clone()
                : nn.functional.interpolate(mean, [spec.InputSize, spec.InputSize], mode: InterpolationMode.Bilinear, align_corners: false);
        }
        head = new ClassifierHead(spec.Head, CntkResNet18.FeatureChannels, FeatureMapSide(spec.InputSize), spec.Classes);
        RegisterComponents();
        // The importer leaves the backbone in evaluation mode; training mode is the caller's to set, as for every model.
        train();
    }

    /// <summary>
    /// Side of the feature map for an input side: five stride-2 steps (stem, max pool, three stages), each padding only
    /// before as CNTK does, so each maps x to floor((x - 2) / 2) + 1 (224 gives 7).
    /// </summary>
    public static int FeatureMapSide(int inputSize)
    {
        var side = inputSize;
        for (var i = 0; i < 5; i++) side = (side - 2) / 2 + 1;
        return side;
    }

    public override Tensor ForwardFeatureMap(Tensor input)
    {
        using var scope = NewDisposeScope();
        var bgr = input.shape[1] == 1 ? input.expand(-1, 3, -1, -1) : input;
        var x = bgr * 255 - mean_image.to(input.dtype, input.device);
        return backbone.call(x).MoveToOuterDisposeScope();
    }

    public override Tensor Embed(Tensor featureMap) => head.Embed(featureMap);

    public override Tensor ForwardHead(Tensor featureMap) => head.call(featureMap);
}
