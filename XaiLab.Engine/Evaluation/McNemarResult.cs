namespace XaiLab.Engine.Evaluation;

/// <summary>The result of <see cref="McNemarTest"/>.</summary>
/// <param name="OnlyA">Samples the first classifier gets right and the second wrong.</param>
/// <param name="OnlyB">Samples the second classifier gets right and the first wrong.</param>
/// <param name="ExactPValue">Two-sided exact binomial p-value.</param>
/// <param name="ChiSquare">Continuity-corrected statistic.</param>
/// <param name="ChiSquarePValue">Its p-value under chi-square with one degree of freedom.</param>
public sealed record McNemarResult(int OnlyA, int OnlyB, double ExactPValue, double ChiSquare, double ChiSquarePValue);
