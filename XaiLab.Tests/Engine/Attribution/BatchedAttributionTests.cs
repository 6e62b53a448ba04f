using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

/// <summary>
/// Batched attribution (several inputs or noisy samples sharing model calls) against the unbatched path: one input at a
/// time with an internal batch size of 1, on the small CNN on the CPU.
/// </summary>
[Collection(TorchCollection.Name)]
public class BatchedAttributionTests
{
    // Relative to the map's largest value: batched convolutions round differently, and Blur IG's sums cancel (a wrong
    // batch assignment would show as differences of order 1).
    private const double RelativeTolerance = 1e-3;

    public static TheoryData<string> Methods => ["vanilla-gradient", "integrated-gradients", "blur-ig", "guided-ig"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void ExplainMany_EqualsUnbatchedExplainPerInput(string name)
    {
        var (probe, inputs) = SmallCnn();
        using var _ = inputs;
        var batched = (IBatchAttributionMethod)AttributionMethods.Create(name, new AttributionOptions(Steps: 6, InternalBatchSize: 5));
        var unbatched = AttributionMethods.Create(name, new AttributionOptions(Steps: 6, InternalBatchSize: 1));

        var maps = AttributionAssert.NoLeaksMany(() => batched.ExplainMany(probe, inputs, 1));

        Assert.Equal(3, maps.Count);
        for (var i = 0; i < 3; i++)
        {
            using var input = inputs[i];
            AssertClose(unbatched.Explain(probe, input, 1).Values, maps[i].Values);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void SmoothGrad_Batched_EqualsLoopOverTheSameNoise(string name)
    {
        var (probe, inputs) = SmallCnn();
        using var _ = inputs;
        using var input = inputs[0];
        var options = new AttributionOptions(Steps: 4, InternalBatchSize: 7, SmoothGradSamples: 5, Seed: 3);
        var smoothed = AttributionMethods.Create("smooth-" + name, options);

        var map = AttributionAssert.NoLeaks(() => smoothed.Explain(probe, input, 2));

        // The reference: the noisy copies drawn as SmoothGrad draws them, explained one at a time without batching, and
        // squared before averaging (PAIR's magnitude=True, the default).
        var inner = AttributionMethods.Create(name, options with { InternalBatchSize = 1 });
        var stdev = 0.15 * (input.max().ToDouble() - input.min().ToDouble());
        using var generator = new Generator(3);
        var expected = new double[map.Values.Length];
        for (var sample = 0; sample < 5; sample++)
        {
            using var scope = NewDisposeScope();
            var noisy = input + randn(input.shape, ScalarType.Float32, CPU, generator: generator) * stdev;
            var values = inner.Explain(probe, noisy, 2).Values;
            for (var i = 0; i < expected.Length; i++) expected[i] += (double)values[i] * values[i] / 5.0;
        }
        // Blur IG's terms cancel most (the map is ~1e-3 of their sum), so its rounding shows more.
        AssertClose(expected.Select(v => (float)v).ToArray(), map.Values, name == "blur-ig" ? 5e-3 : RelativeTolerance);
    }

    [Fact]
    public void Xrai_SharedBatchesOfBothBaselines_EqualUnbatched()
    {
        var (probe, inputs) = SmallCnn(size: 32);
        using var _ = inputs;
        using var input = inputs[0];
        var one = new Xrai { Steps = 5, InternalBatchSize = 1 }.Explain(probe, input, 0);
        var many = new Xrai { Steps = 5, InternalBatchSize = 16 }.Explain(probe, input, 0);
        AssertClose(one.Values, many.Values);
    }

    [Fact]
    public void InputGradients_LeaveParametersTrainable()
    {
        var (probe, inputs) = SmallCnn(out var model);
        using var _ = inputs;
        using var gradients = probe.InputGradients(inputs, [0, 1, 2]);
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
        Assert.All(model.parameters(), p => Assert.True(p.grad is null));
    }

    private static void AssertClose(float[] expected, float[] actual, double relative = RelativeTolerance)
    {
        var scale = Math.Max(expected.Max(Math.Abs), 1e-12f);
        AttributionAssert.AllClose(expected, actual, relative * scale);
    }

    private static (ClassifierProbe Probe, Tensor Inputs) SmallCnn(int size = 16) => SmallCnn(out _, size);

    private static (ClassifierProbe Probe, Tensor Inputs) SmallCnn(out ClassifierModel model, int size = 16)
    {
        torch.manual_seed(21);
        model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: size));
        return (new ClassifierProbe(model, ExplainedOutput.Probability, CPU), torch.rand(3, 1, size, size));
    }
}
