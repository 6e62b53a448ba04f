using TorchSharp;
using XaiLab.Engine.Attribution;
using static TorchSharp.torch;

namespace XaiLab.Tests.TestDoubles;

/// <summary>Shared checks and inputs for attribution tests.</summary>
public static class AttributionAssert
{
    /// <summary>Live tensors on this thread (exact since TorchSharp 0.103).</summary>
    public static long LiveTensors => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    /// <summary>Runs <paramref name="explain"/> and asserts it leaves no live tensor behind.</summary>
    public static AttributionMap NoLeaks(Func<AttributionMap> explain)
    {
        var before = LiveTensors;
        var map = explain();
        Assert.Equal(before, LiveTensors);
        return map;
    }

    /// <summary>Runs a batched <paramref name="explain"/> and asserts it leaves no live tensor behind.</summary>
    public static IReadOnlyList<AttributionMap> NoLeaksMany(Func<IReadOnlyList<AttributionMap>> explain)
    {
        var before = LiveTensors;
        var maps = explain();
        Assert.Equal(before, LiveTensors);
        return maps;
    }

    /// <summary>A smooth deterministic test image [C, H, W] in about [0, 1].</summary>
    public static Tensor Image(int channels, int height, int width, int seed = 7)
    {
        var random = new Random(seed);
        var values = new float[channels * height * width];
        for (var c = 0; c < channels; c++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    values[(c * height + y) * width + x] =
                        (float)(0.5 + 0.3 * Math.Sin(0.3 * x + c) * Math.Cos(0.2 * y) + 0.1 * random.NextDouble());
                }
            }
        }
        return tensor(values, [channels, height, width]);
    }

    public static void AllClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"index {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance})");
        }
    }

    /// <summary>
    /// IG computed here, independently of the engine: alphas = linspace(0, 1, steps) both ends (or, with
    /// <paramref name="leftRiemann"/>, k / steps for k = 0..steps-1), map = (x - x') * mean of the gradients.
    /// </summary>
    public static float[] ExpectedIntegratedGradients(IModelProbe probe, Tensor input, Tensor baseline, long target, int steps, bool leftRiemann = false)
    {
        using var scope = NewDisposeScope();
        var sum = zeros(input.shape, ScalarType.Float64);
        for (var k = 0; k < steps; k++)
        {
            var alpha = leftRiemann ? (double)k / steps : steps == 1 ? 0.0 : (double)k / (steps - 1);
            var point = (baseline + (input - baseline) * alpha).unsqueeze(0);
            sum += probe.InputGradients(point, [target])[0].to_type(ScalarType.Float64);
        }
        var map = (input - baseline).to_type(ScalarType.Float64) * sum / steps;
        return map.to_type(ScalarType.Float32).data<float>().ToArray();
    }
}
