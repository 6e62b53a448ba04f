using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Engine.Attribution;

[Collection(TorchCollection.Name)]
public class ClassifierProbeTests
{
    [Fact]
    public void Outputs_ProbabilitiesSumToOneAndMatchSoftmaxOfLogits()
    {
        using var model = NewModel();
        using var inputs = torch.randn(3, 1, 16, 16);

        using var probabilities = new ClassifierProbe(model, device: torch.CPU).Outputs(inputs);
        using var logits = new ClassifierProbe(model, ExplainedOutput.Logit, torch.CPU).Outputs(inputs);

        using var sums = probabilities.sum(1);
        Assert.True(sums.allclose(torch.ones(3)));
        using var softmax = torch.nn.functional.softmax(logits, 1);
        Assert.True(softmax.allclose(probabilities));
        Assert.False(model.training);
    }

    [Fact]
    public void InputGradients_MatchFiniteDifferences()
    {
        using var model = NewModel();
        var probe = new ClassifierProbe(model, ExplainedOutput.Logit, torch.CPU);
        using var input = torch.randn(1, 1, 16, 16, dtype: torch.float64).to(torch.float32);

        using var gradient = probe.InputGradients(input, [2]);
        const int pixel = 7 * 16 + 9;
        const float h = 1e-2f;
        using var plus = input.clone();
        using var minus = input.clone();
        plus[0, 0, 7, 9] = plus[0, 0, 7, 9] + h;
        minus[0, 0, 7, 9] = minus[0, 0, 7, 9] - h;
        using var up = probe.Outputs(plus);
        using var down = probe.Outputs(minus);
        var numeric = (up[0, 2].item<float>() - down[0, 2].item<float>()) / (2 * h);

        var analytic = gradient.flatten()[pixel].item<float>();
        Assert.Equal(numeric, analytic, Math.Max(1e-3, 0.05 * Math.Abs(analytic)));
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void LayerGradients_OfPooledLogitAreClassWeightsOverArea()
    {
        using var model = NewModel();
        var probe = new ClassifierProbe(model, ExplainedOutput.Logit, torch.CPU);
        using var inputs = torch.randn(2, 1, 16, 16);

        var (activations, gradients) = probe.LayerGradients(inputs, [0, 2]);
        using var a = activations;
        using var g = gradients;

        Assert.Equal([2L, 128L, 1L, 1L], a.shape);
        Assert.Equal(a.shape, g.shape);
        var weight = model.named_parameters().Single(p => p.name.EndsWith("classifier.weight")).parameter;
        using var expected = torch.stack([weight[0], weight[2]]).reshape(2, 128, 1, 1);
        Assert.True(g.allclose(expected, rtol: 1e-5, atol: 1e-7));
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void InputGradients_RejectsWrongTargets()
    {
        using var model = NewModel();
        var probe = new ClassifierProbe(model, device: torch.CPU);
        using var inputs = torch.randn(2, 1, 16, 16);

        Assert.Throws<ArgumentException>(() => probe.InputGradients(inputs, [0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => probe.InputGradients(inputs, [0, 3]));
    }

    private static ClassifierModel NewModel()
    {
        torch.manual_seed(21);
        return ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16));
    }
}
