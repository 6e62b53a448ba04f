using XaiLab.Engine.Models;

namespace XaiLab.Tests.Engine.Models;

public class ModelCatalogTests
{
    [Fact]
    public void Describe_CountsFlopsAndLayersOfTheSmallCnnExactly()
    {
        var properties = ModelCatalog.Describe(new ModelSpec(Architecture.SmallCnn, 1, 3, 16));

        // MACs per conv: output elements x (in channels x 3 x 3); the classifier: 128 x 3.
        const long macs = 16 * 16 * 16 * 9 + 32 * 8 * 8 * (16 * 9) + 64 * 4 * 4 * (32 * 9) + 128 * 2 * 2 * (64 * 9)
            + 128 * 3;
        Assert.Equal(2 * macs, properties.Flops);
        Assert.Equal(9, properties.Depth);
        Assert.Equal(5, properties.WeightLayerDepth);
        Assert.Equal("smallcnn", properties.Architecture);
        Assert.Equal(16, properties.MinInputSize);
        Assert.Equal(128, properties.EmbeddingLength);
    }

    [Fact]
    public void Describe_ResNet50AtImageNetSizeMatchesPublishedFiguresAndIsCached()
    {
        var spec = new ModelSpec(Architecture.ResNet50, 3, 1000, 224);
        var properties = ModelCatalog.Describe(spec);

        // torchvision lists 4.09 GMACs; Keras's table: 98 MB, depth 107.
        Assert.InRange(properties.Flops, 2 * 4.05e9, 2 * 4.13e9);
        Assert.Equal(98, Math.Round(properties.SizeMb));
        Assert.Equal(107, properties.Depth);
        Assert.Equal(54, properties.WeightLayerDepth);
        Assert.Equal(properties.TrainableParameters + 53_120, properties.Parameters);
        Assert.Equal((2048L, 7L, 2048L),
            (properties.FeatureMapChannels, properties.FeatureMapSide, properties.EmbeddingLength));
        Assert.Same(properties, ModelCatalog.Describe(spec with { }));
    }

    [Theory]
    [InlineData(Architecture.Vgg16, HeadKind.Flatten, 16)]
    [InlineData(Architecture.Vgg19, HeadKind.Flatten, 19)]
    [InlineData(Architecture.ResNet50V2, HeadKind.GlobalAveragePool, 103)]
    [InlineData(Architecture.InceptionV3, HeadKind.GlobalAveragePool, 189)]
    [InlineData(Architecture.Xception, HeadKind.GlobalAveragePool, 81)]
    [InlineData(Architecture.EfficientNetB0, HeadKind.GlobalAveragePool, 131)]
    [InlineData(Architecture.DenseNet121, HeadKind.GlobalAveragePool, 242)]
    [InlineData(Architecture.InceptionResNetV2, HeadKind.GlobalAveragePool, 449)]
    public void Describe_DepthIsKerasDepth(Architecture architecture, HeadKind head, int kerasDepth)
    {
        var minimum = ModelFactory.MinimumInputSize(architecture);
        var properties = ModelCatalog.Describe(new ModelSpec(architecture, 1, 3, minimum, head));
        Assert.Equal(kerasDepth, properties.Depth);
        Assert.Equal(minimum, properties.MinInputSize);
    }
}
