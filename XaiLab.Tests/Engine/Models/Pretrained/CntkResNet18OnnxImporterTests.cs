using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using XaiLab.Engine.Models.Pretrained;
using XaiLab.Tests.Fixtures;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models.Pretrained;

/// <summary>ML.NET's ImageNet ResNet-18 (copied from its NuGet package into the test output), against onnxruntime.</summary>
[Collection(TorchCollection.Name)]
public sealed class CntkResNet18OnnxImporterTests
{
    private static readonly string Models = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
    private static readonly string ResNet18 = Path.Combine(Models, "ResNet18Onnx", "ResNet18.onnx");

    [Fact]
    public void Load_ReproducesOnnxRuntimeFeatures()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        // BGR pixels minus the mean image lie roughly in [-128, 128].
        var input = rand(1, 3, 224, 224) * 255 - 128;
        using var session = new InferenceSession(ResNet18);
        var inputName = session.InputMetadata.Keys.Single();
        using var results = session.Run([
            NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(input.data<float>().ToArray(), [1, 3, 224, 224])),
        ]);
        var expected = results.Single().AsEnumerable<float>().ToArray();

        using var model = CntkResNet18OnnxImporter.Load(ResNet18);
        using var noGrad = no_grad();
        var actual = CntkResNet18.Pool(model.forward(input)).data<float>().ToArray();

        Assert.Equal(CntkResNet18.FeatureChannels, expected.Length);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.Max() > 0.1, "features of a random image should not all vanish");
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4, $"largest difference {worst}");
    }

    [Fact]
    public void LoadMeanImage_IsBgrOnTheByteScale()
    {
        using var scope = NewDisposeScope();
        var mean = CntkResNet18OnnxImporter.LoadMeanImage(Path.Combine(Models, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        Assert.Equal([1L, 3, 224, 224], mean.shape);
        var channelMeans = mean.mean([0, 2, 3]).data<float>().ToArray();
        // ImageNet's mean pixel in BGR order is about (104, 117, 123).
        Assert.InRange(channelMeans[0], 95, 112);
        Assert.InRange(channelMeans[2], 115, 132);
    }
}
