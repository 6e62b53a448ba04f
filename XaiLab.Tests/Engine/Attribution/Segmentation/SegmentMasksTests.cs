using XaiLab.Engine.Attribution.Segmentation;

namespace XaiLab.Tests.Engine.Attribution.Segmentation;

public class SegmentMasksTests
{
    [Fact]
    public void Unpack_GivesOneMaskPerLabelPerLabelling()
    {
        var masks = SegmentMasks.Unpack([[0, 0, 1, 1], [0, 1, 2, 2]]);
        Assert.Equal(5, masks.Count);
        Assert.Equal([2, 3], masks[1]);
        Assert.Equal([2, 3], masks[4]);
    }

    [Fact]
    public void Dilate_OnePixel_GivesTheDisk()
    {
        const int side = 21;
        var dilated = SegmentMasks.Dilate([10 * side + 10], side, side, 5).ToHashSet();
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var inDisk = (x - 10) * (x - 10) + (y - 10) * (y - 10) <= 25;
                Assert.Equal(inDisk, dilated.Contains(y * side + x));
            }
        }
    }

    [Fact]
    public void Dilate_ClipsAtTheBorderAndMatchesBruteForce()
    {
        const int height = 12, width = 15;
        int[] mask = [0, 1, 2 * width + 14, 11 * width + 7, 6 * width + 6, 6 * width + 7];
        var expected = new List<int>();
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                if (mask.Any(p => (p / width - y) * (p / width - y) + (p % width - x) * (p % width - x) <= 9)) expected.Add(y * width + x);
        Assert.Equal(expected, SegmentMasks.Dilate(mask, height, width, 3));
    }
}
