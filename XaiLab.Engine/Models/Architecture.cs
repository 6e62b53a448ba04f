namespace XaiLab.Engine.Models;

/// <summary>The CNN architectures XaiLab trains: the nine of the paper plus a small CNN for CPU work.</summary>
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
}
