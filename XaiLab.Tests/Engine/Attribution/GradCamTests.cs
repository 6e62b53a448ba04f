using XaiLab.Engine.Attribution;
using XaiLab.Tests.TestDoubles;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

public class GradCamTests
{
    private const int Side = 16, Cells = 4;

    // Layer: A0 = 4x4 average pool of x, A1 = A0^2. Head: class 0 = sum(u * A0) + sum(v * A1), class 1 = sum(A0).
    private static (AnalyticProbe Probe, float[] U, float[] V) TinyNetwork()
    {
        var u = Enumerable.Range(0, Cells * Cells).Select(i => (float)Math.Sin(i + 1)).ToArray();
        var v = Enumerable.Range(0, Cells * Cells).Select(i => (float)(0.3 * Math.Cos(2 * i))).ToArray();
        var uT = tensor(u, [1, Cells, Cells]);
        var vT = tensor(v, [1, Cells, Cells]);
        var probe = new AnalyticProbe(
            head: a => stack([(a[.., 0] * uT).sum([1, 2]) + (a[.., 1] * vT).sum([1, 2]), a[.., 0].sum([1, 2])], 1),
            featureMap: x =>
            {
                var pooled = nn.functional.avg_pool2d(x, Side / Cells);
                return cat([pooled, pooled.pow(2)], 1);
            });
        return (probe, u, v);
    }

    // Bilinear resize with align_corners = false, written out.
    private static float[] Upsample(double[] cells)
    {
        var result = new float[Side * Side];
        const double scale = (double)Cells / Side;
        for (var y = 0; y < Side; y++)
        {
            var sy = Math.Max((y + 0.5) * scale - 0.5, 0);
            int y0 = (int)Math.Floor(sy), y1 = Math.Min(y0 + 1, Cells - 1);
            var fy = sy - y0;
            for (var x = 0; x < Side; x++)
            {
                var sx = Math.Max((x + 0.5) * scale - 0.5, 0);
                int x0 = (int)Math.Floor(sx), x1 = Math.Min(x0 + 1, Cells - 1);
                var fx = sx - x0;
                result[y * Side + x] = (float)(
                    (1 - fy) * ((1 - fx) * cells[y0 * Cells + x0] + fx * cells[y0 * Cells + x1]) +
                    fy * ((1 - fx) * cells[y1 * Cells + x0] + fx * cells[y1 * Cells + x1]));
            }
        }
        return result;
    }

    [Fact]
    public void Explain_MatchesHandComputation()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var (probe, u, v) = TinyNetwork();
        var map = AttributionAssert.NoLeaks(() => new GradCam().Explain(probe, input, 0));

        var pixels = input.data<float>().ToArray();
        var a0 = new double[Cells * Cells];
        for (var y = 0; y < Side; y++)
            for (var x = 0; x < Side; x++) a0[y / 4 * Cells + x / 4] += pixels[y * Side + x] / 16.0;
        // dOut/dA0 = u and dOut/dA1 = v, so the channel weights are their means.
        double w0 = u.Average(), w1 = v.Average();
        var cells = a0.Select(a => Math.Max(0, w0 * a + w1 * a * a)).ToArray();
        Assert.Equal((1, Side, Side), (map.Channels, map.Height, map.Width));
        AttributionAssert.AllClose(Upsample(cells), map.Values, 1e-5);
    }

    [Fact]
    public void Explain_WithoutRelu_KeepsNegativeEvidence()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        // Class 0 = -sum(A): the channel weight is -1 and the activations are positive, so the CAM is all negative.
        var negative = new AnalyticProbe(
            head: a => stack([-a[.., 0].sum([1, 2]), a[.., 0].sum([1, 2])], 1),
            featureMap: x => nn.functional.avg_pool2d(x, Side / Cells));
        var kept = new GradCam { Relu = false }.Explain(negative, input, 0);
        var clipped = new GradCam().Explain(negative, input, 0);
        Assert.All(kept.Values, value => Assert.True(value < 0));
        Assert.All(clipped.Values, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Explain_PixelThatChangesOutputGetsAttribution()
    {
        using var input = AttributionAssert.Image(1, Side, Side);
        var probe = new AnalyticProbe(
            head: a => stack([a[.., 0, 1, 2] * 3, a.sum([1, 2, 3])], 1),
            featureMap: x => nn.functional.avg_pool2d(x, Side / Cells));
        var map = new GradCam().Explain(probe, input, 0);
        Assert.True(map.Values[6 * Side + 10] > 0);
    }

    [Fact]
    public void Explain_RunsOnSmallCnn()
    {
        using var input = AttributionAssert.Image(1, 32, 32);
        var probe = ModelBackedProbe.SmallCnn();
        var reports = new List<double>();
        var map = AttributionAssert.NoLeaks(() => new GradCam().Explain(probe, input, 1, new SynchronousProgress(reports.Add)));
        Assert.Equal(32 * 32, map.Values.Length);
        Assert.All(map.Values, value => Assert.True(value >= 0));
        Assert.Equal([1.0], reports);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new GradCam().Explain(probe, input, 1, null, cancelled.Token));
    }
}
