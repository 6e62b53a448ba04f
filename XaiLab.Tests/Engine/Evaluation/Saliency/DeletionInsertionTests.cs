using XaiLab.Engine.Evaluation.Saliency;

namespace XaiLab.Tests.Engine.Evaluation.Saliency;

public sealed class DeletionInsertionTests
{
    // A 10 x 10 single-channel image of ones; the "model" scores the mean of row 0.
    private static readonly float[] Ones = Enumerable.Repeat(1f, 100).ToArray();

    private static double[] RowZeroMean(IReadOnlyList<float[]> images) =>
        images.Select(image => image.Take(10).Average(v => (double)v)).ToArray();

    private static float[] RowZeroFirst => Enumerable.Range(0, 100).Select(p => p < 10 ? 2f : 1f).ToArray();

    private static float[] RowZeroLast => Enumerable.Range(0, 100).Select(p => p < 10 ? 0f : 1f).ToArray();

    [Fact]
    public void Deletion_OfTheDecisivePixelsFirst_DropsTheScoreAtOnce()
    {
        var curve = new DeletionInsertion { Steps = 10 }.Deletion(Ones, 1, 10, 10, RowZeroFirst, RowZeroMean);

        Assert.Equal(Enumerable.Range(0, 11).Select(i => i / 10.0), curve.Fractions);
        Assert.Equal([1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], curve.Scores);
        Assert.Equal(0.05, curve.Auc, 12);
    }

    [Fact]
    public void Deletion_OfTheDecisivePixelsLast_KeepsTheScoreUntilTheEnd()
    {
        var curve = new DeletionInsertion { Steps = 10 }.Deletion(Ones, 1, 10, 10, RowZeroLast, RowZeroMean);

        Assert.Equal(0.95, curve.Auc, 12);
    }

    [Fact]
    public void Deletion_WithALinearScore_GivesHalfTheArea()
    {
        var curve = new DeletionInsertion { Steps = 20 }.Deletion(Ones, 1, 10, 10, new float[100],
            images => images.Select(image => image.Average(v => (double)v)).ToArray());

        Assert.Equal(0.5, curve.Auc, 12);
    }

    [Fact]
    public void Insertion_StartsFromTheBlurredImageAndEndsAtTheImage()
    {
        var method = new DeletionInsertion { Steps = 10, InsertionBlurSigma = 2 };

        var first = method.Insertion(Ones, 1, 10, 10, RowZeroFirst, RowZeroMean);
        var last = method.Insertion(Ones, 1, 10, 10, RowZeroLast, RowZeroMean);

        // Zero padding darkens the blurred border row, so the start scores below 1.
        var start = first.Scores[0];
        Assert.InRange(start, 0.3, 0.95);
        Assert.Equal(1.0, first.Scores[^1], 6);
        Assert.All(first.Scores.Skip(1), s => Assert.Equal(1.0, s, 6));
        Assert.Equal(0.1 * (start + 1) / 2 + 0.9, first.Auc, 6);
        Assert.True(first.Auc > last.Auc);
    }

    [Fact]
    public void Curves_MoveEveryChannelOfAPixel()
    {
        var image = Enumerable.Repeat(1f, 2 * 4).ToArray();
        var map = new float[] { 4, 3, 2, 1 };
        var seen = new List<float[]>();

        new DeletionInsertion { Steps = 4, DeletionFill = -1 }.Deletion(image, 2, 2, 2, map, images =>
        {
            seen.AddRange(images);
            return new double[images.Count];
        });

        Assert.Equal([-1f, 1, 1, 1, -1, 1, 1, 1], seen[1]);
        Assert.All(seen[4], v => Assert.Equal(-1f, v));
    }

    [Fact]
    public void Curves_RejectShapeMismatchesAndShortScorers()
    {
        var method = new DeletionInsertion { Steps = 4 };

        Assert.Throws<ArgumentException>(() => method.Deletion(Ones, 1, 10, 10, new float[99], RowZeroMean));
        Assert.Throws<InvalidOperationException>(() => method.Deletion(Ones, 1, 10, 10, new float[100], _ => [1.0]));
    }
}
