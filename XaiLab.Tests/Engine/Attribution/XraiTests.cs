using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

public class XraiTests
{
    private const int Side = 64;

    // Four flat quadrants; the top-right one is the brightest.
    private static Tensor Quadrants()
    {
        var values = new float[Side * Side];
        for (var y = 0; y < Side; y++)
            for (var x = 0; x < Side; x++)
                values[y * Side + x] = (y < Side / 2, x < Side / 2) switch
                {
                    (true, true) => 0.1f,
                    (true, false) => 0.9f,
                    (false, true) => 0.3f,
                    _ => 0.5f,
                };
        return tensor(values, [1, Side, Side]);
    }

    // f depends only on the top-right quadrant: IG is positive there (from the all-min baseline) and zero elsewhere.
    private static AnalyticProbe TopRightProbe()
    {
        var mask = zeros(1, 1, Side, Side);
        mask[.., .., ..(Side / 2), (Side / 2)..] = ones(1, 1, Side / 2, Side / 2);
        return new AnalyticProbe(x => stack([(x * mask).sum([1, 2, 3]), x.sum([1, 2, 3])], 1));
    }

    private static bool InTopRight(int i) => i / Side < Side / 2 && i % Side >= Side / 2;

    [Theory]
    [InlineData(XraiAlgorithm.Full)]
    [InlineData(XraiAlgorithm.Fast)]
    public void Explain_RegionTheModelUses_RanksFirst(XraiAlgorithm algorithm)
    {
        using var input = Quadrants();
        var probe = TopRightProbe();
        var map = AttributionAssert.NoLeaks(() => new Xrai { Steps = 5, Algorithm = algorithm }.Explain(probe, input, 0));
        Assert.Equal((1, Side, Side), (map.Channels, map.Height, map.Width));
        // PAIR's segmentation (zero-padded spline resize, then Felzenszwalb) joins the quadrants along the image border, so
        // XRAI's regions are not the quadrants themselves; what must hold: the quadrant the model uses ranks above the
        // opposite one, and the best-ranked pixels lie in it.
        var best = map.Values.Max();
        Assert.True(best > 0);
        double Mean(Func<int, bool> where) => Enumerable.Range(0, map.Values.Length).Where(where).Average(i => map.Values[i]);
        bool Interior(int i) => i / Side is >= 8 and < Side - 8 && i % Side is >= 8 and < Side - 8;
        var used = Mean(i => InTopRight(i) && Interior(i));
        var opposite = Mean(i => i / Side >= Side / 2 && i % Side < Side / 2 && Interior(i));
        Assert.True(used > opposite, $"top right {used}, bottom left {opposite}");
        Assert.Contains(Enumerable.Range(0, map.Values.Length), i => InTopRight(i) && map.Values[i] == best);
    }

    [Fact]
    public void Top30_KeepsTheTopRegionAndZeroesTheRest()
    {
        using var input = Quadrants();
        var xrai = new Xrai { Steps = 5 };
        var full = xrai.Explain(TopRightProbe(), input, 0);
        var top = new XraiTop30(xrai).Explain(TopRightProbe(), input, 0);
        Assert.Equal("xrai-top30", new XraiTop30().ApiName);
        var sorted = full.Values.Order().ToArray();
        var threshold = sorted[(int)Math.Floor(0.7 * (sorted.Length - 1))];
        for (var i = 0; i < top.Values.Length; i++)
        {
            if (InTopRight(i)) Assert.Equal(full.Values[i], top.Values[i]);
            if (full.Values[i] < threshold) Assert.Equal(0f, top.Values[i]);
        }
        Assert.Equal(0f, top.Values[(Side - 1) * Side]);
    }

    [Fact]
    public void Explain_PixelThatChangesOutputGetsAttribution()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = new AnalyticProbe(x => stack([x[.., 0, 5, 7].pow(2), x.sum([1, 2, 3])], 1));
        var map = new Xrai { Steps = 5 }.Explain(probe, input, 0);
        Assert.True(map.Values[5 * 32 + 7] > 0);
    }

    [Fact]
    public void Explain_DoesNotDependOnInternalBatchSize()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = new AnalyticProbe(x => stack([x.pow(3).sum([1, 2, 3]), x.sum([1, 2, 3])], 1));
        var one = new Xrai { Steps = 6, InternalBatchSize = 1 }.Explain(probe, input, 0);
        var four = new Xrai { Steps = 6, InternalBatchSize = 4 }.Explain(probe, input, 0);
        AttributionAssert.AllClose(one.Values, four.Values, 1e-5);
    }

    [Fact]
    public void Explain_WithoutResize_SegmentsAtInputResolution()
    {
        using var input = Quadrants();
        var map = new Xrai { Steps = 5, SegmentationSize = null }.Explain(TopRightProbe(), input, 0);
        var best = map.Values.Max();
        Assert.All(Enumerable.Range(0, Side * Side).Where(InTopRight), i => Assert.Equal(best, map.Values[i]));
    }

    [Fact]
    public void Explain_WithoutSegments_GivesEveryPixelTheMeanOfIgFromBothBaselines()
    {
        // No segments: every pixel is "uncovered" and gets the mean of the merged IG map, which checks the IG part.
        using var input = AttributionAssert.Image(2, 16, 16);
        var probe = new AnalyticProbe(x => stack([x.pow(3).sum([1, 2, 3]) + x[.., 1].sum([1, 2]), x.sum([1, 2, 3])], 1));
        var map = new Xrai { Steps = 7, Scales = [] }.Explain(probe, input, 0);

        using var low = zeros_like(input) + input.min();
        using var high = zeros_like(input) + input.max();
        var fromLow = AttributionAssert.ExpectedIntegratedGradients(probe, input, low, 0, 7);
        var fromHigh = AttributionAssert.ExpectedIntegratedGradients(probe, input, high, 0, 7);
        const int plane = 16 * 16;
        var mean = Enumerable.Range(0, plane)
            .Select(i => Math.Max((fromLow[i] + fromHigh[i]) / 2.0, (fromLow[plane + i] + fromHigh[plane + i]) / 2.0))
            .Average();
        Assert.Equal((1, 16, 16), (map.Channels, map.Height, map.Width));
        Assert.All(map.Values, v => Assert.Equal(mean, v, 1e-5));
    }

    [Fact]
    public void Explain_ColourImage_SegmentsAcrossChannels()
    {
        using var input = AttributionAssert.Image(3, 32, 32);
        var probe = new AnalyticProbe(x => stack([x[.., 2, 4, 4].pow(2), x.sum([1, 2, 3])], 1));
        var map = new Xrai { Steps = 4 }.Explain(probe, input, 0);
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.Equal(map.Values.Max(), map.Values[4 * 32 + 4]);
    }

    [Fact]
    public void Explain_HonoursCancellationAndReportsProgress()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var reports = new List<double>();
        new Xrai { Steps = 4 }.Explain(TopRightProbeSmall(), input, 0, new SynchronousProgress(reports.Add));
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.SequenceEqual(reports.Order()));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new Xrai().Explain(TopRightProbeSmall(), input, 0, null, cancelled.Token));
    }

    private static AnalyticProbe TopRightProbeSmall() => new(x => stack([x.pow(2).sum([1, 2, 3]), x.sum([1, 2, 3])], 1));

    [Fact]
    public void Explain_RunsOnSmallCnn()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = ModelBackedProbe.SmallCnn();
        var map = AttributionAssert.NoLeaks(() => new Xrai { Steps = 4 }.Explain(probe, input, 1));
        var top = AttributionAssert.NoLeaks(() => new XraiTop30(new Xrai { Steps = 4 }).Explain(probe, input, 1));
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.Contains(map.Values, v => v != 0);
        Assert.Contains(top.Values, v => v == 0);
    }
}
