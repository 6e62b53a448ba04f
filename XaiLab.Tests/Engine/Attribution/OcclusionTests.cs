using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

public class OcclusionTests
{
    private static (AnalyticProbe Probe, float[] Weights) LinearProbe(int side)
    {
        var weights = Enumerable.Range(0, side * side).Select(i => (float)Math.Sin(0.3 * i)).ToArray();
        var w = tensor(weights, [1, 1, side, side]);
        return (new AnalyticProbe(x => stack([(x * w).sum([1, 2, 3]), x.sum([1, 2, 3])], 1)), weights);
    }

    // Mean over the windows covering each pixel of sum_{window} w * (x - fill).
    private static float[] Expected(float[] pixels, float[] weights, int side, int window, int[] starts, float fill)
    {
        var sum = new double[side * side];
        var count = new int[side * side];
        foreach (var top in starts)
        {
            foreach (var left in starts)
            {
                var drop = 0.0;
                for (var y = top; y < top + window; y++)
                    for (var x = left; x < left + window; x++) drop += weights[y * side + x] * (pixels[y * side + x] - fill);
                for (var y = top; y < top + window; y++)
                    for (var x = left; x < left + window; x++)
                    {
                        sum[y * side + x] += drop;
                        count[y * side + x]++;
                    }
            }
        }
        return sum.Select((s, i) => (float)(s / count[i])).ToArray();
    }

    [Fact]
    public void Explain_LinearModel_AveragesOutputDropsOverWindows()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var (probe, weights) = LinearProbe(16);
        var map = AttributionAssert.NoLeaks(() => new Occlusion { Window = 4, Stride = 2 }.Explain(probe, input, 0));
        var expected = Expected(input.data<float>().ToArray(), weights, 16, 4, [0, 2, 4, 6, 8, 10, 12], 0f);
        AttributionAssert.AllClose(expected, map.Values, 1e-5);
    }

    [Fact]
    public void Explain_AddsAWindowFlushWithTheEdge()
    {
        using var input = AttributionAssert.Image(1, 10, 10);
        var (probe, weights) = LinearProbe(10);
        var map = new Occlusion { Window = 4, Stride = 4 }.Explain(probe, input, 0);
        var expected = Expected(input.data<float>().ToArray(), weights, 10, 4, [0, 4, 6], 0f);
        AttributionAssert.AllClose(expected, map.Values, 1e-5);
    }

    [Fact]
    public void Explain_ImageMeanFill()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var (probe, weights) = LinearProbe(16);
        var map = new Occlusion { Fill = OcclusionFill.ImageMean }.Explain(probe, input, 0);
        var pixels = input.data<float>().ToArray();
        var expected = Expected(pixels, weights, 16, 8, [0, 4, 8], pixels.Average());
        AttributionAssert.AllClose(expected, map.Values, 1e-5);
    }

    [Fact]
    public void Explain_DoesNotDependOnInternalBatchSize()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var (probe, _) = LinearProbe(16);
        var one = new Occlusion { InternalBatchSize = 1 }.Explain(probe, input, 0);
        var five = new Occlusion { InternalBatchSize = 5 }.Explain(probe, input, 0);
        Assert.Equal(one.Values, five.Values);
        // 9 windows: the reference plus 9 calls, then the reference plus 2 calls.
        Assert.Equal(10 + 3, probe.Calls);
    }

    [Theory]
    [InlineData(32, 8)]
    [InlineData(64, 8)]
    [InlineData(112, 8)]
    [InlineData(224, 16)]
    [InlineData(512, 37)]
    public void AutoWindow_IsAFourteenthOfTheShorterSide_AtLeastEight(int side, int expected) =>
        Assert.Equal(expected, Occlusion.AutoWindow(side, side + 10));

    [Fact]
    public void Explain_At224WithDefaults_Slides16PixelWindowsByEight_In729Passes()
    {
        const int side = 224;
        using var input = AttributionAssert.Image(1, side, side);
        var (probe, weights) = LinearProbe(side);

        var map = new Occlusion { InternalBatchSize = 256 }.Explain(probe, input, 0);

        Assert.Equal(1 + 27 * 27, probe.Rows); // the reference, then (224 - 16) / 8 + 1 = 27 windows a side
        var expected = Expected(input.data<float>().ToArray(), weights, side, 16, [.. Enumerable.Range(0, 27).Select(i => i * 8)], 0f);
        var worst = Enumerable.Range(0, side * side).Max(i => Math.Abs(expected[i] - map.Values[i]));
        Assert.True(worst < 1e-4, $"largest difference from the hand computation: {worst}");
    }

    [Fact]
    public void Explain_PixelThatChangesOutputGetsAttribution()
    {
        using var input = AttributionAssert.Image(1, 16, 16);
        var probe = new AnalyticProbe(x => stack([x[.., 0, 3, 9].pow(2), x.sum([1, 2, 3])], 1));
        var map = new Occlusion().Explain(probe, input, 0);
        Assert.True(map.Values[3 * 16 + 9] > 0);
        Assert.Equal(0f, map.Values[15 * 16]);
    }

    [Fact]
    public void Explain_RunsOnSmallCnnWithProgressAndCancellation()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = ModelBackedProbe.SmallCnn();
        var reports = new List<double>();
        var map = AttributionAssert.NoLeaks(() => new Occlusion { InternalBatchSize = 20 }.Explain(probe, input, 1, new SynchronousProgress(reports.Add)));
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.Contains(map.Values, v => v != 0);
        Assert.Equal([20 / 49.0, 40 / 49.0, 1.0], reports);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new Occlusion().Explain(probe, input, 1, null, cancelled.Token));
    }
}
