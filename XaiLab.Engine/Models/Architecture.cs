namespace XaiLab.Engine.Models;

/// <summary>The CNN architectures XaiLab trains: the nine of the paper, a small CNN for CPU work and
/// an ImageNet-pretrained ResNet-18 backbone.</summary>
public enum Architecture
{
    SmallCnn,
    Vgg16,
    Vgg19,
    ResNet50,
    ResNet50V2,
    InceptionV3,
    Xception,
    EfficientNetB0,
    DenseNet121,
    InceptionResNetV2,

    /// <summary>ML.NET's ImageNet ResNet-18 as a pretrained backbone (transfer learning).</summary>
    ResNet18ImageNet,
}
