namespace XaiLab.Engine.Evaluation.Agreement;

/// <summary>How consistently one rater rated the same items twice.</summary>
/// <param name="Pairs">Items rated twice.</param>
/// <param name="ExactAgreement">Share of pairs with the same value both times, 0..1.</param>
/// <param name="MeanAbsoluteDifference">Mean |first - second| in scale points.</param>
/// <param name="WeightedKappa">Quadratic-weighted Cohen's kappa of first against second rating; NaN when undefined
/// (fewer than two pairs, or chance disagreement zero).</param>
public sealed record RepeatAgreement(int Pairs, double ExactAgreement, double MeanAbsoluteDifference, double WeightedKappa);
