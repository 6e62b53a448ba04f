using XaiLab.Engine.Evaluation;

namespace XaiLab.Tests.Engine.Evaluation;

public class ClassificationMetricsTests
{
    // Predictions (arg-max): 0, 0, 1, 1, 2, 2 for true labels 0, 0, 0, 1, 1, 2.
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 2];

    private static readonly float[][] Probabilities =
    [
        [0.7f, 0.2f, 0.1f],
        [0.6f, 0.3f, 0.1f],
        [0.3f, 0.5f, 0.2f],
        [0.2f, 0.7f, 0.1f],
        [0.1f, 0.3f, 0.6f],
        [0.2f, 0.2f, 0.6f],
    ];

    [Fact]
    public void Compute_MatchesHandWorkedCountsAndScores()
    {
        var report = ClassificationMetrics.Compute(Labels, Probabilities, 3);

        Assert.Equal(4.0 / 6, report.Accuracy, 12);
        Assert.Equal([2, 1, 0], report.ConfusionMatrix[0]);
        Assert.Equal([0, 1, 1], report.ConfusionMatrix[1]);
        Assert.Equal([0, 0, 1], report.ConfusionMatrix[2]);
        Assert.Equal([2.0 / 3, 1.0 / 3, 0], report.RowNormalized[0]);
        Assert.Equal([0, 0.5, 0.5], report.RowNormalized[1]);
        Assert.Equal([3, 2, 1], report.Support);
        AssertClose([1, 0.5, 0.5], report.Precision);
        AssertClose([2.0 / 3, 0.5, 1], report.Recall);
        AssertClose([0.8, 0.5, 2.0 / 3], report.F1);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, report.MacroF1, 12);
        Assert.Equal((3 * 0.8 + 2 * 0.5 + 2.0 / 3) / 6, report.WeightedF1, 12);
    }

    [Fact]
    public void Compute_RocAucIsRankBasedWithTiesCountingHalf()
    {
        var report = ClassificationMetrics.Compute(Labels, Probabilities, 3);

        // Class 1: positives score 0.7 and 0.3 against negatives 0.2, 0.3, 0.5, 0.2 -> (4 + 2.5) / 8.
        // Class 2: positive 0.6 against 0.1, 0.1, 0.2, 0.1, 0.6 -> 4.5 / 5.
        AssertClose([1.0, 0.8125, 0.9], report.RocAuc);
        Assert.Equal((1.0 + 0.8125 + 0.9) / 3, report.MacroRocAuc, 12);
    }

    [Fact]
    public void Compute_AbsentClassGivesZeroScoresAndUndefinedAuc()
    {
        var report = ClassificationMetrics.Compute([0, 1, 0], [[0.9f, 0.1f, 0f], [0.2f, 0.8f, 0f], [0.4f, 0.6f, 0f]], 3);

        Assert.Equal(0, report.Precision[2]);
        Assert.Equal(0, report.Recall[2]);
        Assert.Equal(0, report.F1[2]);
        Assert.Equal([0.0, 0.0, 0.0], report.RowNormalized[2]);
        Assert.True(double.IsNaN(report.RocAuc[2]));
        Assert.Equal(1.0, report.RocAuc[0], 12);
        Assert.Equal(1.0, report.MacroRocAuc, 12);
        Assert.Equal((2 / 3.0 + 2 / 3.0 + 0) / 3, report.MacroF1, 12);
    }

    [Fact]
    public void Compute_RejectsMismatchedInputs()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, 1], [[1f, 0f]], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationMetrics.Compute([2], [[1f, 0f]], 2));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }
}
