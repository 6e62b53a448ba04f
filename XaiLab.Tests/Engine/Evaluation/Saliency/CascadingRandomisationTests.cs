using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Engine.Models;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

[Collection(TorchCollection.Name)]
public sealed class CascadingRandomisationTests
{
    [Fact]
    public void Run_GradientMapsDecorrelate_FromTheTopLayerDown_AndTheTrainedWeightsComeBack()
    {
        var (model, probe, input) = Tiny();
        using var m = model;
        using var x = input;
        var trained = model.parameters().Select(p => p.detach().clone()).ToList();
        var layers = model.named_modules().Count(l => l.module.named_parameters(recurse: false).Any());

        var before = AttributionAssert.LiveTensors;
        var steps = new CascadingRandomisation().Run(model, probe, new PlainGradientMethod(), input, 1);

        Assert.Equal(before, AttributionAssert.LiveTensors);
        Assert.Equal(layers, steps.Count);
        Assert.Equal(Enumerable.Range(1, layers), steps.Select(s => s.LayersRandomised));
        Assert.Equal(model.named_modules().Last(l => l.module.named_parameters(recurse: false).Any()).name, steps[0].Layer);
        Assert.True(steps[^1].RankCorrelation < 0.9, $"fully randomised rank correlation {steps[^1].RankCorrelation}");
        Assert.True(steps[^1].Ssim < 0.9, $"fully randomised SSIM {steps[^1].Ssim}");
        foreach (var (parameter, saved) in model.parameters().Zip(trained))
        {
            Assert.True(parameter.allclose(saved, rtol: 0, atol: 0), "trained weights were not restored");
            saved.Dispose();
        }
    }

    [Fact]
    public void Run_AMethodThatIgnoresTheModel_KeepsItsMapAtEveryStep()
    {
        var (model, probe, input) = Tiny();
        using var m = model;
        using var x = input;

        var steps = new CascadingRandomisation { LayersPerStep = 3 }.Run(model, probe, new InputAsMap(), input, 0);

        var layers = model.named_modules().Count(l => l.module.named_parameters(recurse: false).Any());
        Assert.Equal((layers + 2) / 3, steps.Count);
        Assert.Equal(layers, steps[^1].LayersRandomised);
        Assert.All(steps, s =>
        {
            Assert.Equal(1.0, s.RankCorrelation, 9);
            Assert.Equal(1.0, s.Ssim, 9);
        });
    }

    private static (ClassifierModel Model, IModelProbe Probe, Tensor Input) Tiny()
    {
        torch.manual_seed(3);
        var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputChannels: 1, Classes: 3, InputSize: 16));
        return (model, new ClassifierProbe(model, ExplainedOutput.Logit, CPU), AttributionAssert.Image(1, 16, 16));
    }

    /// <summary>An "edge detector" in Adebayo et al.'s sense: the map is the input, whatever the model.</summary>
    private sealed class InputAsMap : IAttributionMethod
    {
        public string ApiName => "input";

        public AttributionMap Explain(IModelProbe probe, Tensor input, long target, IProgress<double>? progress = null,
            CancellationToken cancellationToken = default) =>
            new(input.data<float>().ToArray(), (int)input.shape[0], (int)input.shape[1], (int)input.shape[2]);
    }
}
