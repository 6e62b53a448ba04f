using XaiLab.Engine.Attribution;
using XaiLab.Web.Jobs.Attributions;

namespace XaiLab.Tests.Web.Jobs.Attributions;

public sealed class AttributionScorerTests
{
    // A 4 x 4 image whose mask is the top-left 2 x 2 block.
    private static readonly bool[] Mask =
    [
        true, true, false, false,
        true, true, false, false,
        false, false, false, false,
        false, false, false, false,
    ];

    [Fact]
    public void Score_MapOnTheMask_HitsAndOverlaps()
    {
        // Negative values inside the mask: the scores use the magnitude, so they still count.
        var values = Mask.Select((m, i) => m ? -(4f + i) : 0.1f * i).ToArray();
        var map = new AttributionMap(values, 1, 4, 4);
        var pixels = Enumerable.Repeat(1f, 16).ToArray();

        var scores = AttributionScorer.Score(map, pixels, Mask, MeanPixel);

        Assert.Equal(0.25, scores.MaskFraction);
        Assert.True(scores.PointingGame);
        Assert.Equal(1.0, scores.RelevanceRank);
        Assert.Equal(1.0, scores.Auc);
        // Top 20% = round(3.2) = 3 pixels, all in the 4-pixel mask: IoU 3/4, Dice 6/7; top 30% = 5 pixels: IoU 4/5.
        Assert.Equal(0.75, scores.Iou![2], 10);
        Assert.Equal(6.0 / 7.0, scores.Dice![2], 10);
        Assert.Equal(0.8, scores.Iou![3], 10);
        Assert.InRange(scores.RelevanceMass!.Value, 0.5, 1.0);
    }

    [Fact]
    public void Score_WithoutMask_GivesOnlyFaithfulness()
    {
        var map = new AttributionMap(Enumerable.Range(0, 16).Select(i => (float)i).ToArray(), 1, 4, 4);

        var scores = AttributionScorer.Score(map, Enumerable.Repeat(1f, 16).ToArray(), null, MeanPixel);

        Assert.Null(scores.MaskFraction);
        Assert.Null(scores.PointingGame);
        Assert.Null(scores.Iou);
        // Deleting to 0 in 20 equal steps: the score falls linearly from 1 to 0, area 1/2.
        Assert.Equal(0.5, scores.DeletionAuc, 2);
        Assert.InRange(scores.InsertionAuc, 0, 1);
    }

    /// <summary>A model whose score is the mean pixel: deletion lowers it in proportion to the deleted share.</summary>
    private static double[] MeanPixel(IReadOnlyList<float[]> images) => images.Select(image => image.Average(v => (double)v)).ToArray();
}
