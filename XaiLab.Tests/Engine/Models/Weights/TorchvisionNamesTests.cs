using System.Text.Json;
using TorchSharp.PyBridge;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Tests.Fixtures;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models.Weights;

/// <summary>
/// XaiLab's torchvision naming against torchvision 0.26's own state dicts (names and shapes of the ImageNet
/// configurations, written by scripts/torchvision-state-dict-names.py into PyTorchFiles/torchvision-state-dicts.json).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TorchvisionNamesTests : IDisposable
{
    private static readonly JsonElement Torchvision = JsonDocument.Parse(File.ReadAllText(Path.Combine(
        AppContext.BaseDirectory, "Engine", "Models", "Weights", "PyTorchFiles", "torchvision-state-dicts.json"))).RootElement;

    private readonly string folder = Directory.CreateTempSubdirectory("xailab-torchvision-").FullName;

    public static TheoryData<Architecture, int, HeadKind> ImageNetConfigurations => new()
    {
        { Architecture.ResNet50, 224, HeadKind.GlobalAveragePool },
        { Architecture.Vgg16, 224, HeadKind.Flatten },
        { Architecture.Vgg19, 224, HeadKind.Flatten },
        { Architecture.DenseNet121, 224, HeadKind.GlobalAveragePool },
        { Architecture.InceptionV3, 299, HeadKind.GlobalAveragePool },
        { Architecture.EfficientNetB0, 224, HeadKind.GlobalAveragePool },
    };

    [Theory]
    [MemberData(nameof(ImageNetConfigurations))]
    public void ImageNetConfiguration_HasTorchvisionsNamesAndShapes_BothWays(Architecture architecture, int size, HeadKind head)
    {
        using var model = ModelFactory.Create(new ModelSpec(architecture, 3, 1000, size, head));
        var ours = model.state_dict().ToDictionary(
            entry => TorchvisionNames.ToTorchvision(architecture, entry.Key),
            entry => string.Join('x', entry.Value.shape));
        var theirs = Torchvision.GetProperty("models").GetProperty(architecture.ToApiName()).EnumerateArray().ToDictionary(
            entry => entry[0].GetString()!,
            entry => string.Join('x', entry[1].EnumerateArray().Select(d => d.GetInt64())));

        Assert.Equal(theirs.Count, ours.Count);
        Assert.Empty(theirs.Keys.Except(ours.Keys));
        Assert.All(theirs, entry => Assert.Equal((entry.Key, entry.Value), (entry.Key, ours[entry.Key])));
        // And back: every torchvision name lands on the XaiLab entry it came from.
        var xailab = model.state_dict().Keys.ToHashSet();
        Assert.All(theirs.Keys, name => Assert.Contains(TorchvisionNames.FromTorchvision(architecture, name), xailab));
    }

    [Fact]
    public void EfficientNetB0_TorchvisionFile_RoundTripsExactly_AndCarriesTorchvisionNames()
    {
        var spec = new ModelSpec(Architecture.EfficientNetB0, 1, 3, 32);
        var path = Path.Combine(folder, "efficientnet_b0.safetensors");
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var original = ModelFactory.Create(spec);
        original.train();
        using (no_grad()) original.forward(randn(4, 1, 32, 32));
        original.eval();
        StateDictExchange.Export(original, path, StateDictNaming.Torchvision);

        var written = Safetensors.LoadStateDict(path);
        Assert.Contains("features.0.0.weight", written.Keys);
        Assert.Contains("features.1.0.block.1.fc1.weight", written.Keys);
        Assert.Contains("features.7.0.block.3.1.running_var", written.Keys);
        Assert.Contains("classifier.1.bias", written.Keys);
        Assert.DoesNotContain(written.Keys, key => key.StartsWith("blocks.", StringComparison.Ordinal) || key.StartsWith("head.", StringComparison.Ordinal));

        manual_seed(4);
        using var restored = ModelFactory.Create(spec);
        var report = StateDictExchange.Import(restored, path, StateDictNaming.Torchvision);
        restored.eval();
        Assert.True(report.IsExactMatch, report.Describe());
        var input = randn(2, 1, 32, 32);
        using var noGrad = no_grad();
        Assert.True(restored.forward(input).eq(original.forward(input)).all().item<bool>());
    }

    [Fact]
    public void InceptionV3_TorchvisionFileWithAuxiliaryClassifier_LoadsStrictly_AndReportsItIgnored()
    {
        var spec = new ModelSpec(Architecture.InceptionV3, 3, 3, 75);
        var path = Path.Combine(folder, "inception_v3.pt");
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var source = ModelFactory.Create(spec);
        var state = source.state_dict().ToDictionary(e => TorchvisionNames.ToTorchvision(Architecture.InceptionV3, e.Key), e => e.Value);
        var auxiliary = Torchvision.GetProperty("inceptionv3AuxLogits").EnumerateArray().Select(k => k.GetString()!).ToList();
        foreach (var key in auxiliary) state[key] = zeros(1);
        using (var stream = File.Create(path)) PyTorchPickler.PickleStateDict(stream, state);

        manual_seed(6);
        using var target = ModelFactory.Create(spec);
        var report = StateDictExchange.Import(target, path, StateDictNaming.Torchvision);

        Assert.True(report.IsExactMatch, report.Describe());
        Assert.Equal(auxiliary.Order(StringComparer.Ordinal), report.IgnoredKeys);
        Assert.Contains("ignored keys", report.Describe(), StringComparison.Ordinal);
        var input = randn(1, 3, 75, 75);
        using var noGrad = no_grad();
        source.eval();
        target.eval();
        Assert.True(target.forward(input).eq(source.forward(input)).all().item<bool>());
    }

    [Fact]
    public void ResNet50_TorchvisionImport_ReportsMissingAndMisshapenEntriesInTorchvisionsNames()
    {
        var path = Path.Combine(folder, "resnet50.safetensors");
        using var scope = NewDisposeScope();
        using var fiveClasses = ModelFactory.Create(new ModelSpec(Architecture.ResNet50, 1, 5, 32));
        var state = fiveClasses.state_dict().ToDictionary(e => TorchvisionNames.ToTorchvision(Architecture.ResNet50, e.Key), e => e.Value);
        state.Remove("layer4.2.bn3.running_var");
        Safetensors.SaveStateDict(path, state);

        using var threeClasses = ModelFactory.Create(new ModelSpec(Architecture.ResNet50, 1, 3, 32));
        var refused = Assert.Throws<StateDictMismatchException>(() => StateDictExchange.Import(threeClasses, path, StateDictNaming.Torchvision));

        Assert.Equal(["layer4.2.bn3.running_var"], refused.Report.MissingKeys);
        Assert.Equal(["fc.bias", "fc.weight"], refused.Report.MismatchedShapes.Select(m => m.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Architecture.ResNet50V2)]
    [InlineData(Architecture.Xception)]
    [InlineData(Architecture.InceptionResNetV2)]
    [InlineData(Architecture.SmallCnn)]
    public void ArchitecturesTorchvisionLacks_AreRefusedBeforeAnyFileIsWritten(Architecture architecture)
    {
        using var model = ModelFactory.Create(new ModelSpec(architecture, 1, 3, ModelFactory.MinimumInputSize(architecture)));
        var path = Path.Combine(folder, "refused.pt");
        var error = Assert.Throws<NotSupportedException>(() => StateDictExchange.Export(model, path, StateDictNaming.Torchvision));
        Assert.Contains(architecture.ToApiName(), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(TorchvisionNames.Supports(architecture));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
