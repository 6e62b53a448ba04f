using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Engine.Attribution;

public class VanillaGradientTests
{
    [Fact]
    public void Explain_IsTheGradientAtTheInput()
    {
        float[] weights = [1f, -2f, 0.5f, 3f];
        float[] x = [0.5f, 1f, -2f, 0.25f];
        var probe = new PowerSeriesProbe(weights, [1, 2, 2]);
        using var input = torch.tensor(x, [1, 2, 2]);
        var progress = new ImmediateProgress();

        var map = new VanillaGradient().Explain(probe, input, target: 1, progress);

        Assert.Equal(x.Select((v, i) => 2 * weights[i] * v), map.Values);
        Assert.Equal((1, 2, 2), (map.Channels, map.Height, map.Width));
        Assert.Equal([1.0], progress.Reports);
        Assert.Equal("vanilla-gradient", new VanillaGradient().ApiName);
    }

    [Fact]
    public void Explain_RejectsBatchedInput()
    {
        var probe = new PowerSeriesProbe([1f], [1, 1, 1]);
        using var input = torch.zeros(1, 1, 1, 1);

        Assert.Throws<ArgumentException>(() => new VanillaGradient().Explain(probe, input, 0));
    }
}
