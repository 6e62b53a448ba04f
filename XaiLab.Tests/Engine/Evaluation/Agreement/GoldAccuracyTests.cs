using XaiLab.Engine.Evaluation.Agreement;

namespace XaiLab.Tests.Engine.Evaluation.Agreement;

public sealed class GoldAccuracyTests
{
    [Fact]
    public void Compute_CountsExactAndToleratedAnswers()
    {
        var score = GoldAccuracy.Compute([(5, 5), (4, 5), (1, 5), (2, 2)]);
        Assert.Equal(4, score.Items);
        Assert.Equal(2, score.Correct);
        Assert.Equal(0.5, score.Accuracy, 12);
        Assert.Equal(0.75, score.WithinTolerance, 12);
        Assert.Equal(0.5, GoldAccuracy.Compute([(5, 5), (4, 5), (1, 5), (2, 2)], tolerance: 0).WithinTolerance, 12);
        Assert.True(double.IsNaN(GoldAccuracy.Compute([]).Accuracy));
    }
}
