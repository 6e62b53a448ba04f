using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Models;

/// <summary>
/// Every architecture built once at 1 channel, 3 classes and its minimum input size, with a fixed random batch of two
/// images, shared by <see cref="ArchitectureBehaviourTests"/>.
/// </summary>
public sealed class ArchitectureFixture : IDisposable
{
    private readonly Dictionary<Architecture, ClassifierModel> models = [];
    private readonly Dictionary<Architecture, Tensor> inputs = [];

    public static TheoryData<Architecture> PaperArchitectures =>
        new(Enum.GetValues<Architecture>().Where(a => a != Architecture.SmallCnn));

    public ClassifierModel Model(Architecture architecture)
    {
        if (!models.TryGetValue(architecture, out var model))
        {
            manual_seed(1);
            var size = ModelFactory.MinimumInputSize(architecture);
            model = ModelFactory.Create(new ModelSpec(architecture, 1, 3, size));
            models[architecture] = model;
            inputs[architecture] = randn(2, 1, size, size);
        }
        return model;
    }

    public Tensor Input(Architecture architecture)
    {
        Model(architecture);
        return inputs[architecture];
    }

    public void Dispose()
    {
        foreach (var model in models.Values) model.Dispose();
        foreach (var input in inputs.Values) input.Dispose();
    }
}
