using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Pretrained;
using XaiLab.Tests.Fixtures;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models;

/// <summary>The "resnet18-imagenet" backbone: ImageNet weights and the backbone's own preprocessing inside the model.</summary>
[Collection(TorchCollection.Name)]
public sealed class ResNet18ImageNetTests
{
    [Fact]
    public void GraySliceOnUnitScale_GivesTheImportedBackbonesFeaturesOfItsBgrMinusMean()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        manual_seed(3);
        var gray = rand(2, 1, 224, 224);
        using var model = ModelFactory.Create(new ModelSpec(Architecture.ResNet18ImageNet, InputChannels: 1, Classes: 3));
        model.eval();
        using var reference = CntkResNet18OnnxImporter.Load(PretrainedWeights.ResNet18Path);
        var mean = CntkResNet18OnnxImporter.LoadMeanImage(PretrainedWeights.ResNet18PreprocessPath);

        var actual = model.ForwardFeatureMap(gray);
        var expected = reference.forward(gray.expand(-1, 3, -1, -1) * 255 - mean);

        Assert.Equal([2L, 512, 7, 7], actual.shape);
        Assert.True(expected.abs().max().item<float>() > 0.1f, "ImageNet features of a random image should not vanish");
        Assert.True(allclose(actual, expected, rtol: 1e-4, atol: 1e-4));
        Assert.Equal([2L, 3], model.call(gray).shape);
    }

    [Fact]
    public void OtherInputSizes_ResizeTheMeanImageAndTrainEndToEnd()
    {
        using var scope = NewDisposeScope();
        using var model = ModelFactory.Create(new ModelSpec(Architecture.ResNet18ImageNet, 1, 2, 64));
        var x = rand(2, 1, 64, 64).requires_grad_(true);

        var loss = nn.functional.cross_entropy(model.call(x), tensor(new long[] { 0, 1 }));
        loss.backward();

        Assert.True(x.grad is not null && x.grad.abs().sum().item<float>() > 0);
        var stem = model.named_parameters().First(p => p.name.Contains("conv1", StringComparison.Ordinal)).parameter;
        Assert.True(stem.grad is not null && stem.grad.abs().sum().item<float>() > 0, "the pretrained backbone is fine-tuned, not frozen");
        Assert.True(ModelFactory.ExpectsUnitRangeInput(Architecture.ResNet18ImageNet));
        Assert.False(ModelFactory.ExpectsUnitRangeInput(Architecture.ResNet50));
    }

    [Fact]
    public void TwoChannels_AndTooSmallInputs_AreRefusedClearly()
    {
        var channels = Assert.Throws<ArgumentOutOfRangeException>(() => ModelFactory.Create(new ModelSpec(Architecture.ResNet18ImageNet, 2, 3, 64)));
        Assert.Contains("1 (gray", channels.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelFactory.Create(new ModelSpec(Architecture.ResNet18ImageNet, 1, 3, 16)));
        Assert.Equal("resnet18-imagenet", Architecture.ResNet18ImageNet.ToApiName());
    }
}
