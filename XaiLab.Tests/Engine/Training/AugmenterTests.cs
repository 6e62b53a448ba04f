using XaiLab.Engine.Training;

namespace XaiLab.Tests.Engine.Training;

public class AugmenterTests
{
    private static readonly float[] Ramp = Enumerable.Range(0, 16).Select(i => (float)i).ToArray();

    [Fact]
    public void Apply_SameSeed_GivesTheSameImages()
    {
        var first = new Random(7);
        var second = new Random(7);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Augmenter.Apply(Ramp, 1, 4, AugmentationOptions.Default, first),
                Augmenter.Apply(Ramp, 1, 4, AugmentationOptions.Default, second));
        }
        Assert.NotEqual(Augmenter.Apply(Ramp, 1, 4, AugmentationOptions.Default, new Random(7)),
            Augmenter.Apply(Ramp, 1, 4, AugmentationOptions.Default, new Random(8)));
    }

    [Fact]
    public void Apply_None_ReturnsAnEqualCopy()
    {
        var copy = Augmenter.Apply(Ramp, 1, 4, AugmentationOptions.None, new Random(1));

        Assert.Equal(Ramp, copy);
        Assert.NotSame(Ramp, copy);
    }

    [Fact]
    public void Apply_HorizontalFlipOnly_MirrorsRowsOrKeepsThem()
    {
        var flipOnly = new AugmentationOptions(HorizontalFlip: true, VerticalFlip: false, MaxRotationDegrees: 0, IntensityJitter: 0);
        var mirrored = new float[] { 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12 };
        var random = new Random(3);
        var seen = new HashSet<string>();

        for (var i = 0; i < 20; i++)
        {
            var output = Augmenter.Apply(Ramp, 1, 4, flipOnly, random);
            Assert.True(output.SequenceEqual(Ramp) || output.SequenceEqual(mirrored), string.Join(",", output));
            seen.Add(string.Join(",", output));
        }
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void Apply_IntensityJitter_StaysWithinItsBounds()
    {
        var jitter = new AugmentationOptions(false, false, 0, 0.1);
        var ones = Enumerable.Repeat(1f, 16).ToArray();
        var random = new Random(5);

        for (var i = 0; i < 50; i++)
        {
            var output = Augmenter.Apply(ones, 1, 4, jitter, random);
            Assert.All(output, v => Assert.InRange(v, 0.8f - 1e-6f, 1.2f + 1e-6f));
            Assert.All(output, v => Assert.Equal(output[0], v));
        }
    }
}
