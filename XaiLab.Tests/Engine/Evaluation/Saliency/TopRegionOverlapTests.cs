using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class TopRegionOverlapTests
{
    // 20 pixels; the mask is pixels 0..3. The map ranks 0, 1, 2, 10, 3, ... (pixel value = rank score).
    private static readonly bool[] Mask = Enumerable.Range(0, 20).Select(p => p < 4).ToArray();
    private static readonly float[] Map = Enumerable.Range(0, 20).Select(p => p switch
    {
        0 => 10f, 1 => 9f, 2 => 8f, 10 => 7f, 3 => 6f, _ => 0f,
    }).ToArray();

    [Fact]
    public void Top20Percent_IsFourPixels_WithThreeInTheMask()
    {
        Assert.Equal(4, TopRegionOverlap.Region(Map, 20).Count(r => r));
        Assert.Equal(3.0 / 5.0, TopRegionOverlap.Iou(Map, Mask, 20), 12);
        Assert.Equal(6.0 / 8.0, TopRegionOverlap.Dice(Map, Mask, 20), 12);
    }

    [Fact]
    public void Top5Percent_IsTheSinglePeak()
    {
        Assert.Equal(0.25, TopRegionOverlap.Iou(Map, Mask, 5), 12);
        Assert.Equal(2.0 / 5.0, TopRegionOverlap.Dice(Map, Mask, 5), 12);
    }

    [Fact]
    public void Region_OfAFlatMap_KeepsItsSizeAndTakesPixelsInOrder()
    {
        var region = TopRegionOverlap.Region(new float[20], 30);

        Assert.Equal(Enumerable.Range(0, 20).Select(p => p < 6), region);
        Assert.Equal(new[] { 5, 10, 20, 30 }, TopRegionOverlap.StandardPercents);
        Assert.Throws<ArgumentOutOfRangeException>(() => TopRegionOverlap.Region(Map, 0));
    }

    [Fact]
    public void Iou_IsOneWhenTheRegionIsTheMask()
    {
        var map = Mask.Select(m => m ? 2f : -1f).ToArray();

        Assert.Equal(1.0, TopRegionOverlap.Iou(map, Mask, 20));
        Assert.Equal(1.0, TopRegionOverlap.Dice(map, Mask, 20));
    }
}
