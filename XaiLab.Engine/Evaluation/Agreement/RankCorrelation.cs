namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>Spearman's rho with an approximate confidence interval.</summary>
/// <param name="Rho">Spearman's rank correlation in [-1, 1]; NaN when undefined (fewer than 3 pairs or a constant series).</param>
/// <param name="Count">Pairs with both values finite.</param>
/// <param name="Lower">Lower end of the interval; NaN when fewer than 4 pairs or rho is undefined.</param>
/// <param name="Upper">Upper end of the interval; NaN likewise.</param>
public sealed record RankCorrelation(double Rho, int Count, double Lower, double Upper);
