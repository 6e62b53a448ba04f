using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Engine.Runtime;
using XaiLab.Engine.Training;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Runtime;

[Collection(TorchCollection.Name)]
public class ComputeFormatTests
{
    [Fact]
    public void ToChannelsLast_KeepsShapeAndValuesWithNhwcStrides()
    {
        using var x = randn(2, 3, 4, 5);
        using var nhwc = ComputeFormat.ToChannelsLast(x);
        Assert.Equal(x.shape, nhwc.shape);
        Assert.Equal([60L, 1L, 15L, 3L], nhwc.stride());
        Assert.True(x.allclose(nhwc, rtol: 0, atol: 0));
    }

    [Theory]
    [InlineData(Architecture.SmallCnn)]
    [InlineData(Architecture.DenseNet121)]
    public void ChannelsLastProbe_MatchesFloat32Reference(Architecture architecture)
    {
        var (reference, inputs) = Probe(architecture, ComputeFormat.Default);
        var (channelsLast, _) = Probe(architecture, new ComputeFormat(ChannelsLast: true));
        using var _ = inputs;
        AssertClose(reference, channelsLast, inputs, relative: 1e-4);
    }

    [Theory]
    [InlineData(Architecture.SmallCnn)]
    [InlineData(Architecture.DenseNet121)]
    public void BFloat16Probe_IsCloseToFloat32AndReturnsFloat32(Architecture architecture)
    {
        var (reference, inputs) = Probe(architecture, ComputeFormat.Default);
        var (bf16, _) = Probe(architecture, new ComputeFormat(NumericPrecision.BFloat16));
        using var _ = inputs;
        using var outputs = bf16.Outputs(inputs);
        using var gradients = bf16.InputGradients(inputs, [0, 1]);
        Assert.Equal(ScalarType.Float32, outputs.dtype);
        Assert.Equal(ScalarType.Float32, gradients.dtype);
        // bf16 keeps 8 bits of mantissa: outputs agree to a few percent, gradients point the same way.
        AssertClose(reference, bf16, inputs, relative: 5e-2, gradientCosine: 0.95);
    }

    [Fact]
    public void ChannelsLastTraining_GivesTheSameLossesAsDefault()
    {
        var losses = new[] { false, true }.Select(channelsLast =>
        {
            torch.manual_seed(5);
            using var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16));
            var random = new Random(2);
            var pixels = Enumerable.Range(0, 12).Select(_ => Enumerable.Range(0, 256).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
            var source = new InMemorySampleSource(pixels, Enumerable.Range(0, 12).Select(i => i % 3).ToList());
            var outcome = new Trainer().Train(model, source, source,
                new TrainingOptions(Epochs: 2, BatchSize: 4, Device: "cpu", ChannelsLast: channelsLast),
                new RecordingTrainingObserver(), CancellationToken.None);
            return outcome.History.SelectMany(e => new[] { e.TrainLoss, e.ValidationLoss!.Value }).ToArray();
        }).ToArray();
        Assert.Equal(4, losses[0].Length);
        for (var i = 0; i < losses[0].Length; i++)
        {
            Assert.Equal(losses[0][i], losses[1][i], 1e-4);
        }
    }

    private static (ClassifierProbe Probe, Tensor Inputs) Probe(Architecture architecture, ComputeFormat format)
    {
        torch.manual_seed(4);
        var model = ModelFactory.Create(new ModelSpec(architecture, InputSize: 32));
        torch.manual_seed(9);
        return (new ClassifierProbe(model, ExplainedOutput.Probability, CPU, format), torch.rand(2, 1, 32, 32));
    }

    private static void AssertClose(ClassifierProbe reference, ClassifierProbe candidate, Tensor inputs, double relative,
        double gradientCosine = 0.9999)
    {
        using var scope = NewDisposeScope();
        var expectedOutputs = reference.Outputs(inputs);
        var actualOutputs = candidate.Outputs(inputs);
        Assert.True(actualOutputs.allclose(expectedOutputs, rtol: relative, atol: relative * expectedOutputs.abs().max().ToDouble()),
            $"outputs differ: {(actualOutputs - expectedOutputs).abs().max().ToDouble()}");
        var expected = reference.InputGradients(inputs, [0, 1]).flatten();
        var actual = candidate.InputGradients(inputs, [0, 1]).flatten();
        var cosine = (expected * actual).sum().ToDouble() / (expected.norm().ToDouble() * actual.norm().ToDouble());
        Assert.True(cosine >= gradientCosine, $"gradient cosine {cosine}");
        if (gradientCosine >= 0.9999)
        {
            var scale = expected.abs().max().ToDouble();
            Assert.True((actual - expected).abs().max().ToDouble() <= relative * scale,
                $"gradients differ by {(actual - expected).abs().max().ToDouble()} (scale {scale})");
        }
    }
}
