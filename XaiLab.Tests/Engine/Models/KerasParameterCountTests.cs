using Xunit.Abstractions;
using XaiLab.Engine.Models;

namespace XaiLab.Tests.Engine.Models;

/// <summary>
/// The ImageNet configuration of every architecture (3 channels, 1000 classes, 224 px, 299 px for the Inception family
/// and Xception; GAP head except VGG, whose Flatten head is Keras's fc1/fc2 top) has Keras Applications' total
/// parameter count within 1%. Only construction, no forward pass.
/// </summary>
public class KerasParameterCountTests(ITestOutputHelper output)
{
    [Fact] public void Vgg16_MatchesKeras() => AssertKerasCount(Architecture.Vgg16, 224, 138_357_544, HeadKind.Flatten);

    [Fact] public void Vgg19_MatchesKeras() => AssertKerasCount(Architecture.Vgg19, 224, 143_667_240, HeadKind.Flatten);

    [Fact] public void ResNet50_MatchesKeras() => AssertKerasCount(Architecture.ResNet50, 224, 25_636_712);

    [Fact] public void ResNet50V2_MatchesKeras() => AssertKerasCount(Architecture.ResNet50V2, 224, 25_613_800);

    [Fact] public void InceptionV3_MatchesKeras() => AssertKerasCount(Architecture.InceptionV3, 299, 23_851_784);

    [Fact] public void Xception_MatchesKeras() => AssertKerasCount(Architecture.Xception, 299, 22_910_480);

    [Fact] public void EfficientNetB0_MatchesKeras() => AssertKerasCount(Architecture.EfficientNetB0, 224, 5_330_571);

    [Fact] public void DenseNet121_MatchesKeras() => AssertKerasCount(Architecture.DenseNet121, 224, 8_062_504);

    [Fact] public void InceptionResNetV2_MatchesKeras() =>
        AssertKerasCount(Architecture.InceptionResNetV2, 299, 55_873_736);

    private void AssertKerasCount(Architecture architecture, int inputSize, long keras,
        HeadKind head = HeadKind.GlobalAveragePool)
    {
        using var model = ModelFactory.Create(new ModelSpec(architecture, 3, 1000, inputSize, head));
        var count = ModelCatalog.CountParameters(model);
        var relativeError = Math.Abs(count - keras) / (double)keras;
        output.WriteLine($"{architecture.ToApiName()}: {count:N0} (Keras {keras:N0}, {(count - keras) / (double)keras:P3})");
        Assert.True(relativeError < 0.01,
            $"{architecture.ToApiName()}: {count:N0} parameters, Keras {keras:N0} ({relativeError:P2} off).");
    }
}
