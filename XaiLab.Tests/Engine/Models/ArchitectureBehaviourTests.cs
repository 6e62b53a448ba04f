using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models;

/// <summary>Forward, backward, feature map and head contracts of every paper architecture at its minimum input size.</summary>
public class ArchitectureBehaviourTests(ArchitectureFixture fixture) : IClassFixture<ArchitectureFixture>
{
    private static readonly Dictionary<Architecture, long> KerasFeatureChannels = new()
    {
        [Architecture.Vgg16] = 512,
        [Architecture.Vgg19] = 512,
        [Architecture.ResNet50] = 2048,
        [Architecture.ResNet50V2] = 2048,
        [Architecture.InceptionV3] = 2048,
        [Architecture.Xception] = 2048,
        [Architecture.EfficientNetB0] = 1280,
        [Architecture.DenseNet121] = 1024,
        [Architecture.InceptionResNetV2] = 1536,
        // ML.NET's featurizer output.
        [Architecture.ResNet18ImageNet] = 512,
    };

    public static TheoryData<Architecture> Architectures => ArchitectureFixture.PaperArchitectures;

    [Theory, MemberData(nameof(Architectures))]
    public void Forward_GivesLogitsPerImage(Architecture architecture)
    {
        var model = fixture.Model(architecture);
        model.train();
        using var logits = model.forward(fixture.Input(architecture));
        Assert.Equal([2L, 3L], logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Theory, MemberData(nameof(Architectures))]
    public void Backward_GivesNonZeroInputGradient(Architecture architecture)
    {
        var model = fixture.Model(architecture);
        model.eval();
        using var scope = NewDisposeScope();
        var input = fixture.Input(architecture).detach().requires_grad_(true);
        var logits = model.forward(input);
        var gradient = autograd.grad([logits[.., 0].sum()], [input])[0];
        Assert.Equal(input.shape, gradient.shape);
        Assert.True(gradient.abs().sum().item<float>() > 0);
    }

    [Theory, MemberData(nameof(Architectures))]
    public void FeatureMap_IsTheLastConvBlockWithTheComputedSide(Architecture architecture)
    {
        var model = fixture.Model(architecture);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var featureMap = model.ForwardFeatureMap(fixture.Input(architecture));
        var side = FeatureMapSide(architecture, model.Spec.InputSize);
        Assert.Equal([2L, KerasFeatureChannels[architecture], side, side], featureMap.shape);
        // Taken after the final activation: ReLU everywhere except EfficientNet's SiLU (which dips to about -0.28).
        var floor = architecture == Architecture.EfficientNetB0 ? -0.3f : 0f;
        Assert.True(featureMap.min().item<float>() >= floor);
    }

    [Theory, MemberData(nameof(Architectures))]
    public void Embed_HasTheFeatureChannelsAndFeedsTheHead(Architecture architecture)
    {
        var model = fixture.Model(architecture);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = fixture.Input(architecture);
        var featureMap = model.ForwardFeatureMap(input);
        Assert.Equal([2L, KerasFeatureChannels[architecture]], model.Embed(featureMap).shape);
        Assert.True(model.ForwardHead(featureMap).allclose(model.forward(input)));
    }

    [Theory, MemberData(nameof(Architectures))]
    public void EvalMode_IsDeterministic(Architecture architecture)
    {
        var model = fixture.Model(architecture);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var first = model.forward(fixture.Input(architecture));
        var second = model.forward(fixture.Input(architecture));
        Assert.True(first.eq(second).all().item<bool>());
    }

    [Theory, MemberData(nameof(Architectures))]
    public void Create_RejectsInputBelowMinimumWithArchitectureAndMinimum(Architecture architecture)
    {
        var minimum = ModelFactory.MinimumInputSize(architecture);
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ModelFactory.Create(new ModelSpec(architecture, InputSize: minimum - 1)));
        Assert.Contains(architecture.ToApiName(), error.Message);
        Assert.Contains($"at least {minimum}x{minimum}", error.Message);
    }

    [Fact]
    public void MinimumInputSizes_AreKeras()
    {
        Assert.Equal(32, ModelFactory.MinimumInputSize(Architecture.Vgg16));
        Assert.Equal(32, ModelFactory.MinimumInputSize(Architecture.Vgg19));
        Assert.Equal(32, ModelFactory.MinimumInputSize(Architecture.ResNet50));
        Assert.Equal(32, ModelFactory.MinimumInputSize(Architecture.ResNet50V2));
        Assert.Equal(32, ModelFactory.MinimumInputSize(Architecture.DenseNet121));
        Assert.Equal(32, ModelFactory.MinimumInputSize(Architecture.EfficientNetB0));
        Assert.Equal(75, ModelFactory.MinimumInputSize(Architecture.InceptionV3));
        Assert.Equal(75, ModelFactory.MinimumInputSize(Architecture.InceptionResNetV2));
        Assert.Equal(71, ModelFactory.MinimumInputSize(Architecture.Xception));
    }

    [Theory]
    [InlineData(224, 7)]
    [InlineData(225, 8)]
    [InlineData(299, 10)]
    public void FeatureMapSide_AtPaperSizes(int inputSize, int expectedResNetSide)
    {
        Assert.Equal(expectedResNetSide, ResNet50.FeatureMapSide(inputSize));
        Assert.Equal(expectedResNetSide, ResNet50V2.FeatureMapSide(inputSize));
        Assert.Equal(expectedResNetSide, EfficientNetB0.FeatureMapSide(inputSize));
        Assert.Equal(inputSize / 32, DenseNet121.FeatureMapSide(inputSize));
        Assert.Equal(inputSize / 16, Vgg.FeatureMapSide(inputSize));
    }

    [Fact]
    public void FlattenHead_WorksAtThePapersOddSize225()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var model = ModelFactory.Create(new ModelSpec(Architecture.EfficientNetB0, 1, 3, 225, HeadKind.Flatten));
        model.eval();
        var featureMap = model.ForwardFeatureMap(zeros(1, 1, 225, 225));
        Assert.Equal([1L, 1280, 8, 8], featureMap.shape);
        Assert.Equal(1280 * 8 * 8, model.Embed(featureMap).shape[1]);
        Assert.Equal([1L, 3], model.ForwardHead(featureMap).shape);
    }

    [Theory]
    [InlineData(Architecture.InceptionV3, 76)]
    [InlineData(Architecture.Xception, 72)]
    [InlineData(Architecture.ResNet50V2, 33)]
    public void FlattenHead_WorksOneAboveTheMinimum(Architecture architecture, int inputSize)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var model = ModelFactory.Create(new ModelSpec(architecture, 1, 3, inputSize, HeadKind.Flatten));
        model.eval();
        Assert.Equal([1L, 3], model.forward(zeros(1, 1, inputSize, inputSize)).shape);
    }

    private static long FeatureMapSide(Architecture architecture, int inputSize) => architecture switch
    {
        Architecture.Vgg16 or Architecture.Vgg19 => Vgg.FeatureMapSide(inputSize),
        Architecture.ResNet50 => ResNet50.FeatureMapSide(inputSize),
        Architecture.ResNet50V2 => ResNet50V2.FeatureMapSide(inputSize),
        Architecture.InceptionV3 => InceptionV3.FeatureMapSide(inputSize),
        Architecture.Xception => Xception.FeatureMapSide(inputSize),
        Architecture.EfficientNetB0 => EfficientNetB0.FeatureMapSide(inputSize),
        Architecture.DenseNet121 => DenseNet121.FeatureMapSide(inputSize),
        Architecture.InceptionResNetV2 => InceptionResNetV2.FeatureMapSide(inputSize),
        Architecture.ResNet18ImageNet => ResNet18ImageNet.FeatureMapSide(inputSize),
        _ => throw new ArgumentOutOfRangeException(nameof(architecture)),
    };
}
