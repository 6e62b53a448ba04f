using XaiLab.Engine.Attribution.Segmentation;

namespace XaiLab.Tests.Engine.Attribution.Segmentation;

public class FelzenszwalbSegmentationTests
{
    private static float[] Noise(int height, int width, int seed = 3)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, height * width).Select(_ => (float)random.NextDouble()).ToArray();
    }

    private static int[] Sizes(int[] labels) =>
        labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();

    [Fact]
    public void Segment_CoversTheImageWithConsecutiveLabels()
    {
        var labels = FelzenszwalbSegmentation.Segment(Noise(24, 32), 1, 24, 32, scale: 5, minSize: 10);
        Assert.Equal(24 * 32, labels.Length);
        var count = labels.Max() + 1;
        Assert.Equal(Enumerable.Range(0, count), labels.Distinct().Order());
        Assert.Equal(0, labels[0]);
    }

    [Fact]
    public void Segment_LeavesNoSegmentBelowMinSize()
    {
        var labels = FelzenszwalbSegmentation.Segment(Noise(32, 32), 1, 32, 32, scale: 20, minSize: 30);
        Assert.True(labels.Max() > 0);
        Assert.All(Sizes(labels), size => Assert.True(size >= 30, $"segment of {size} px"));
    }

    [Fact]
    public void Segment_ImageSmallerThanMinSize_IsOneSegment()
    {
        var labels = FelzenszwalbSegmentation.Segment(Noise(4, 5), 1, 4, 5, scale: 1, minSize: 50);
        Assert.All(labels, l => Assert.Equal(0, l));
    }

    [Fact]
    public void Segment_LargerScaleGivesFewerSegments()
    {
        var image = Noise(32, 32);
        var counts = FelzenszwalbSegmentation.SegmentAtScales(image, 1, 32, 32, [10, 40, 160], 0.8, 5)
            .Select(l => l.Max() + 1).ToArray();
        for (var i = 1; i < counts.Length; i++)
        {
            Assert.True(counts[i] < counts[i - 1], $"counts {string.Join(", ", counts)}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Segment_FlatStripes_GiveOneSegmentEach(int stripes)
    {
        const int height = 16, stripeWidth = 8;
        var width = stripes * stripeWidth;
        var image = new float[height * width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) image[y * width + x] = 10f * (x / stripeWidth);
        var labels = FelzenszwalbSegmentation.Segment(image, 1, height, width, scale: 1, sigma: 0.8, minSize: 20);
        Assert.Equal(stripes, labels.Max() + 1);
        // The middle of each stripe carries its own label.
        var middles = Enumerable.Range(0, stripes).Select(s => labels[8 * width + s * stripeWidth + stripeWidth / 2]).Distinct();
        Assert.Equal(stripes, middles.Count());
    }

    [Fact]
    public void Segment_UsesColourDistanceAcrossChannels()
    {
        // Two halves identical in channel 0 but different in channel 1 must still split.
        const int height = 16, width = 32;
        var image = new float[2 * height * width];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++) image[height * width + y * width + x] = x < 16 ? 0f : 10f;
        var labels = FelzenszwalbSegmentation.Segment(image, 2, height, width, scale: 1, minSize: 20);
        Assert.Equal(2, labels.Max() + 1);
    }

    [Fact]
    public void Segment_RejectsWrongLength()
    {
        Assert.Throws<ArgumentException>(() => FelzenszwalbSegmentation.Segment(new float[10], 1, 3, 3));
    }
}
