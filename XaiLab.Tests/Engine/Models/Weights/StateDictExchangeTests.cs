using TorchSharp.PyBridge;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Tests.Fixtures;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models.Weights;

[Collection(TorchCollection.Name)]
public sealed class StateDictExchangeTests : IDisposable
{
    private static readonly string PyTorchFiles = Path.Combine(AppContext.BaseDirectory, "Engine", "Models", "Weights", "PyTorchFiles");
    private readonly string folder = Directory.CreateTempSubdirectory("xailab-weights-").FullName;

    [Theory]
    [InlineData("smallcnn.pt")]
    [InlineData("smallcnn.safetensors")]
    public void ExportThenImport_ReproducesOutputsExactly(string fileName)
    {
        var spec = new ModelSpec(Architecture.SmallCnn, 1, 3, 32);
        var path = Path.Combine(folder, fileName);
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var original = ModelFactory.Create(spec);
        // One training-mode pass moves the batch-norm statistics away from their initial values, so buffers count too.
        original.train();
        using (no_grad()) original.forward(randn(4, 1, 32, 32));
        original.eval();
        StateDictExchange.Export(original, path);

        manual_seed(8);
        using var restored = ModelFactory.Create(spec);
        var report = StateDictExchange.Import(restored, path);
        restored.eval();

        Assert.True(report.IsExactMatch, report.Describe());
        Assert.Equal(original.state_dict().Count, report.Loaded);
        var input = randn(2, 1, 32, 32);
        using var noGrad = no_grad();
        using var fresh = ModelFactory.Create(spec);
        fresh.eval();
        Assert.False(fresh.forward(input).allclose(original.forward(input)));
        Assert.True(restored.forward(input).eq(original.forward(input)).all().item<bool>());
    }

    [Fact]
    public void Import_RenamedKey_IsReportedMissingAndUnexpected()
    {
        var spec = new ModelSpec(Architecture.SmallCnn, 1, 3, 16);
        var path = Path.Combine(folder, "renamed.safetensors");
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var source = ModelFactory.Create(spec);
        var renamed = source.state_dict().Keys.First(k => k.EndsWith(".weight", StringComparison.Ordinal));
        var state = source.state_dict().ToDictionary(e => e.Key == renamed ? "stem." + e.Key : e.Key, e => e.Value);
        Safetensors.SaveStateDict(path, state);
        manual_seed(2);
        using var target = ModelFactory.Create(spec);
        var before = target.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());

        var refused = Assert.Throws<StateDictMismatchException>(() => StateDictExchange.Import(target, path));
        Assert.Equal([renamed], refused.Report.MissingKeys);
        Assert.Equal(["stem." + renamed], refused.Report.UnexpectedKeys);
        Assert.Empty(refused.Report.MismatchedShapes);
        Assert.Equal(0, refused.Report.Loaded);
        Assert.Contains($"1 missing keys: {renamed}", refused.Message);
        Assert.Contains($"1 unexpected keys: stem.{renamed}", refused.Message);
        Assert.All(target.state_dict(), e => Assert.True(Same(e.Value, before[e.Key]), $"{e.Key} changed by a refused import"));

        var report = StateDictExchange.Import(target, path, strict: false);
        Assert.Equal(source.state_dict().Count - 1, report.Loaded);
        Assert.Equal([renamed], report.MissingKeys);
        Assert.True(Same(target.state_dict()[renamed], before[renamed]));
        Assert.All(target.state_dict().Where(e => e.Key != renamed), e => Assert.True(Same(e.Value, source.state_dict()[e.Key]), e.Key));
    }

    [Fact]
    public void Import_HeadForOtherClassCount_ReportsExpectedAndActualShapes()
    {
        var path = Path.Combine(folder, "five-classes.pt");
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var fiveClasses = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, 1, 5, 16));
        StateDictExchange.Export(fiveClasses, path);
        using var threeClasses = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, 1, 3, 16));
        var headKeys = threeClasses.state_dict().Where(e => !e.Value.shape.SequenceEqual(fiveClasses.state_dict()[e.Key].shape))
            .Select(e => e.Key).ToList();
        var headBefore = headKeys.Select(k => threeClasses.state_dict()[k].clone()).ToList();

        var refused = Assert.Throws<StateDictMismatchException>(() => StateDictExchange.Import(threeClasses, path));
        Assert.Equal(headKeys, refused.Report.MismatchedShapes.Select(m => m.Key));
        var weight = refused.Report.MismatchedShapes.Single(m => m.Key.EndsWith("weight", StringComparison.Ordinal));
        Assert.Equal([3L, 128L], weight.Expected);
        Assert.Equal([5L, 128L], weight.Actual);
        Assert.Contains($"{weight.Key}: expected [3, 128], file has [5, 128]", refused.Message);

        var report = StateDictExchange.Import(threeClasses, path, strict: false);
        Assert.Equal(threeClasses.state_dict().Count - 2, report.Loaded);
        Assert.Empty(report.MissingKeys);
        Assert.Empty(report.UnexpectedKeys);
        Assert.Equal(2, report.MismatchedShapes.Count);
        Assert.All(headKeys.Zip(headBefore), pair => Assert.True(Same(threeClasses.state_dict()[pair.First], pair.Second)));
        var convolution = threeClasses.state_dict().Keys.First(k => !headKeys.Contains(k) && k.EndsWith(".weight", StringComparison.Ordinal));
        Assert.True(Same(threeClasses.state_dict()[convolution], fiveClasses.state_dict()[convolution]));
    }

    [Fact]
    public void Import_ReadsStateDictsWrittenByPyTorchAndSafetensors()
    {
        using var scope = NewDisposeScope();
        using var pickled = nn.Sequential(("lin1", nn.Linear(5, 1, hasBias: false)), ("lin2", nn.Linear(1, 2, hasBias: false)));
        var pickledReport = StateDictExchange.Import(pickled, Path.Combine(PyTorchFiles, "linear-ones.pth"));
        Assert.Equal(2, pickledReport.Loaded);
        using var noGrad = no_grad();
        Assert.Equal([5f, 5f], pickled.forward(ones(5)).data<float>().ToArray());

        using var safe = nn.Sequential(("lin1", nn.Linear(5, 2, hasBias: false)), ("lin2", nn.Linear(2, 2, hasBias: false)));
        var safeReport = StateDictExchange.Import(safe, Path.Combine(PyTorchFiles, "linear-ones-twos.safetensors"));
        Assert.True(safeReport.IsExactMatch);
        Assert.Equal([220f, 220f], safe.forward(full(5, 11f)).data<float>().ToArray());
    }

    [Fact]
    public void Export_SafetensorsWithMetadata_WritesItIntoTheHeaderAndLeavesTheTensorsAsTheyWere()
    {
        var spec = new ModelSpec(Architecture.ResNet50, 1, 3, 32);
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var model = ModelFactory.Create(spec);
        var metadata = new Dictionary<string, string>
        {
            ["xailab.classes"] = "[\"glioma\",\"méningiome\"]",
            ["xailab.preprocessing"] = "{\"scale\":\"bit-depth\",\"bitDepth\":16}",
            ["xailab.inputSize"] = "32",
        };
        using var plain = new MemoryStream();
        StateDictExchange.Export(model, plain, WeightFormat.Safetensors, StateDictNaming.Torchvision);
        using var described = new MemoryStream();
        StateDictExchange.Export(model, described, WeightFormat.Safetensors, StateDictNaming.Torchvision, metadata);

        // Read back by the format's definition: 8-byte little-endian header length, the JSON header, the tensor bytes.
        var (plainHeader, plainData) = Split(plain.ToArray());
        var (header, data) = Split(described.ToArray());
        Assert.Equal(0, header.Length % 8);
        using var json = System.Text.Json.JsonDocument.Parse(header);
        var stored = json.RootElement.GetProperty("__metadata__").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(metadata.OrderBy(e => e.Key), stored.OrderBy(e => e.Key)!);
        using var plainJson = System.Text.Json.JsonDocument.Parse(plainHeader);
        var tensors = json.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.Equal(plainJson.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()), tensors);
        Assert.Contains("fc.weight", tensors.Keys);
        Assert.Equal(plainData, data);

        // XaiLab reads it back as before.
        manual_seed(4);
        using var restored = ModelFactory.Create(spec);
        described.Position = 0;
        var report = StateDictExchange.Import(restored, described, WeightFormat.Safetensors, StateDictNaming.Torchvision);
        Assert.True(report.IsExactMatch, report.Describe());
        Assert.All(model.state_dict(), entry => Assert.True(Same(entry.Value, restored.state_dict()[entry.Key]), entry.Key));
    }

    [Fact]
    public void Export_PyTorchWithMetadata_IsRefusedBecauseAPtStaysAPlainStateDict()
    {
        using var scope = NewDisposeScope();
        using var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, 1, 2, 16));
        using var stream = new MemoryStream();
        var error = Assert.Throws<ArgumentException>(() => StateDictExchange.Export(model, stream, WeightFormat.PyTorch,
            StateDictNaming.XaiLab, new Dictionary<string, string> { ["a"] = "b" }));
        Assert.Contains("safetensors", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
    }

    private static (byte[] Header, byte[] Data) Split(byte[] file)
    {
        var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(file);
        return (file[8..(8 + length)], file[(8 + length)..]);
    }

    [Fact]
    public void FormatOf_UnknownExtension_SaysWhichAreKnown()
    {
        Assert.Equal(WeightFormat.PyTorch, StateDictExchange.FormatOf("resnet50.PTH"));
        Assert.Equal(WeightFormat.Safetensors, StateDictExchange.FormatOf("model.safetensors"));
        var error = Assert.Throws<ArgumentException>(() => StateDictExchange.FormatOf("weights.onnx"));
        Assert.Contains(".safetensors", error.Message);
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
