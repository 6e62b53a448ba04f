using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models;

public class CheckpointTests
{
    [Theory]
    [InlineData(Architecture.DenseNet121)]
    [InlineData(Architecture.EfficientNetB0)]
    public void SaveAndLoad_RestoresWeightsAndBatchNormStatistics(Architecture architecture)
    {
        var spec = new ModelSpec(architecture, 1, 3, 32);
        var path = Path.Combine(Path.GetTempPath(), $"xailab-{Guid.NewGuid():N}.dat");
        try
        {
            using var scope = NewDisposeScope();
            manual_seed(7);
            using var original = ModelFactory.Create(spec);
            // One training-mode pass moves the running statistics away from their initial values.
            original.train();
            using (no_grad()) original.forward(randn(4, 1, 32, 32));
            original.eval();
            original.save(path);

            manual_seed(8);
            using var restored = ModelFactory.Create(spec);
            restored.load(path);
            restored.eval();

            var input = randn(2, 1, 32, 32);
            using var noGrad = no_grad();
            using var fresh = ModelFactory.Create(spec);
            fresh.eval();
            Assert.False(fresh.forward(input).allclose(original.forward(input)));
            Assert.True(restored.forward(input).eq(original.forward(input)).all().item<bool>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(Architecture.ResNet50, new[] { "conv1.weight", "bn1.running_var", "layer1.0.downsample.0.weight",
        "layer4.2.conv3.weight", "layer4.2.bn3.bias" })]
    [InlineData(Architecture.DenseNet121, new[] { "features.conv0.weight", "features.norm0.running_mean",
        "features.denseblock1.denselayer1.norm1.weight", "features.transition3.conv.weight",
        "features.denseblock4.denselayer16.conv2.weight", "features.norm5.bias" })]
    [InlineData(Architecture.Vgg16, new[] { "features.0.weight", "features.2.bias", "features.28.weight" })]
    // torchvision's Inception3 has these at the top level; here they sit under "features." (TorchvisionNames drops it).
    [InlineData(Architecture.InceptionV3, new[] { "features.Conv2d_1a_3x3.conv.weight",
        "features.Conv2d_4a_3x3.bn.running_var", "features.Mixed_5b.branch5x5_2.conv.weight",
        "features.Mixed_6a.branch3x3dbl_3.bn.weight", "features.Mixed_7c.branch3x3dbl_3b.conv.weight",
        "features.Mixed_7c.branch_pool.bn.bias" })]
    public void StateDict_UsesTorchvisionLayerNames(Architecture architecture, string[] torchvisionNames)
    {
        using var model = ModelFactory.Create(new ModelSpec(architecture, 3, 3, ModelFactory.MinimumInputSize(architecture)));
        var names = model.state_dict().Keys.ToHashSet();
        Assert.All(torchvisionNames, name => Assert.Contains(name, names));
    }
}
