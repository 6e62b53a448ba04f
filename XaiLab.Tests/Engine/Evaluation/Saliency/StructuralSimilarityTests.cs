using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class StructuralSimilarityTests
{
    private static float[] Ramp(int height, int width) =>
        Enumerable.Range(0, height * width).Select(i => (float)Math.Sin(i * 0.37) + i % width * 0.1f).ToArray();

    [Fact]
    public void Of_IsOneForTheSameMapUpToAPositiveAffineChange()
    {
        var map = Ramp(9, 10);

        Assert.Equal(1.0, StructuralSimilarity.Of(map, map, 9, 10), 9);
        Assert.Equal(1.0, StructuralSimilarity.Of(map, map.Select(v => 3 * v + 2).ToArray(), 9, 10), 9);
    }

    [Fact]
    public void Of_IsLowForAnInvertedMapAndBelowOneForNoise()
    {
        var map = Ramp(9, 10);
        var random = new Random(4);
        var noise = map.Select(_ => (float)random.NextDouble()).ToArray();

        Assert.True(StructuralSimilarity.Of(map, map.Select(v => -v).ToArray(), 9, 10) < 0);
        Assert.InRange(StructuralSimilarity.Of(map, noise, 9, 10), -0.5, 0.5);
    }

    [Fact]
    public void Of_MatchesAHandComputationOnOneWindow()
    {
        // A 7 x 7 image is one window. x = 0..48 scaled to [0, 1]; y = 1 - x: means 0.5 and 0.5, variances equal
        // (v), covariance -v, so SSIM = (0.5 + c1)(-2v + c2) / ((0.5 + c1)(2v + c2)).
        var x = Enumerable.Range(0, 49).Select(i => (float)i).ToArray();
        var y = x.Select(v => 48 - v).ToArray();
        var values = x.Select(v => v / 48.0).ToArray();
        var variance = values.Sum(v => (v - 0.5) * (v - 0.5)) / 48;
        const double c2 = 0.03 * 0.03;

        Assert.Equal((-2 * variance + c2) / (2 * variance + c2), StructuralSimilarity.Of(x, y, 7, 7), 9);
    }
}
