namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>A rater's answers on gold items (items with a known expected answer).</summary>
/// <param name="Items">Gold items answered.</param>
/// <param name="Correct">Answers equal to the expected one.</param>
/// <param name="Accuracy">Correct / Items; NaN without items.</param>
/// <param name="WithinTolerance">Share of answers within the tolerance of the expected one (Likert: one scale point);
/// NaN without items.</param>
public sealed record GoldScore(int Items, int Correct, double Accuracy, double WithinTolerance);
