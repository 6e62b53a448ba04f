namespace XaiLab.Engine.Models;

/// <summary>Builds a freshly initialised network for a <see cref="ModelSpec"/>.</summary>
public static class ModelFactory
{
    /// <summary>Builds the network; throws <see cref="ArgumentOutOfRangeException"/> for inputs below the architecture's minimum.</summary>
    public static ClassifierModel Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.InputChannels < 1) throw new ArgumentOutOfRangeException(nameof(spec), "InputChannels must be at least 1.");
        if (spec.Classes < 2) throw new ArgumentOutOfRangeException(nameof(spec), "A classifier needs at least 2 classes.");
        return spec.Architecture switch
        {
            Architecture.SmallCnn => new SmallCnn(spec),
            Architecture.Vgg16 => new Vgg16(spec),
            Architecture.Vgg19 => new Vgg19(spec),
            Architecture.ResNet50 => new ResNet50(spec),
            Architecture.ResNet50V2 => new ResNet50V2(spec),
            Architecture.InceptionV3 => new InceptionV3(spec),
            Architecture.Xception => new Xception(spec),
            Architecture.EfficientNetB0 => new EfficientNetB0(spec),
            Architecture.DenseNet121 => new DenseNet121(spec),
            Architecture.InceptionResNetV2 => new InceptionResNetV2(spec),
            Architecture.ResNet18ImageNet => new ResNet18ImageNet(spec),
            _ => throw new NotSupportedException($"Architecture {spec.Architecture.ToApiName()} is not available yet."),
        };
    }

    /// <summary>Smallest square input side the architecture accepts (Keras's minimums; 16 for the small CNN).</summary>
    public static int MinimumInputSize(Architecture architecture) => architecture switch
    {
        Architecture.SmallCnn => SmallCnn.MinimumInputSize,
        Architecture.Vgg16 or Architecture.Vgg19 => Vgg.MinimumInputSize,
        Architecture.ResNet50 => ResNet50.MinimumInputSize,
        Architecture.ResNet50V2 => ResNet50V2.MinimumInputSize,
        Architecture.InceptionV3 => InceptionV3.MinimumInputSize,
        Architecture.Xception => Xception.MinimumInputSize,
        Architecture.EfficientNetB0 => EfficientNetB0.MinimumInputSize,
        Architecture.DenseNet121 => DenseNet121.MinimumInputSize,
        Architecture.InceptionResNetV2 => InceptionResNetV2.MinimumInputSize,
        Architecture.ResNet18ImageNet => ResNet18ImageNet.MinimumInputSize,
        _ => throw new NotSupportedException($"Architecture {architecture.ToApiName()} is not available yet."),
    };

    /// <summary>
    /// Whether the architecture wants slices on the 0..1 scale rather than z-scored with training statistics: pretrained
    /// backbones bring their own normalisation (see <see cref="ResNet18ImageNet"/>).
    /// </summary>
    public static bool ExpectsUnitRangeInput(Architecture architecture) => architecture == Architecture.ResNet18ImageNet;

    /// <summary>Whether the architecture starts from pretrained (ImageNet) weights.</summary>
    public static bool IsPretrained(Architecture architecture) => architecture == Architecture.ResNet18ImageNet;
}
