namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>Accuracy of a rater on gold (quality-control) items: exact matches, and matches within a tolerance.</summary>
public static class GoldAccuracy
{
    /// <summary>Scores (given, expected) answers.</summary>
    /// <param name="answers">The rater's answer and the expected answer of each gold item.</param>
    /// <param name="tolerance">Largest |given - expected| still counted by <see cref="GoldScore.WithinTolerance"/>;
    /// default 1 scale point. Use 0 for categorical answers (e.g. a pairwise choice).</param>
    public static GoldScore Compute(IReadOnlyList<(int Given, int Expected)> answers, int tolerance = 1)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (answers.Count == 0)
        {
            return new GoldScore(0, 0, double.NaN, double.NaN);
        }
        var correct = answers.Count(a => a.Given == a.Expected);
        var within = answers.Count(a => Math.Abs(a.Given - a.Expected) <= tolerance);
        return new GoldScore(answers.Count, correct, correct / (double)answers.Count, within / (double)answers.Count);
    }
}
