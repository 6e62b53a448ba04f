namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// Scores of one stored map. Mask scores are null for a slice without a mask; NaN-free (an undefined score is null).
/// <paramref name="PointingGame"/> is 1 for a hit and 0 for a miss; lower <paramref name="DeletionAuc"/> and higher
/// <paramref name="InsertionAuc"/> are better.
/// </summary>
public sealed record SaliencyScoreRow(
    int RunId,
    string Method,
    int SliceId,
    string Parameters,
    int Target,
    double? MaskFraction,
    double? PointingGame,
    double? RelevanceMass,
    double? RelevanceRank,
    double? IouTop5,
    double? IouTop10,
    double? IouTop20,
    double? IouTop30,
    double? DiceTop5,
    double? DiceTop10,
    double? DiceTop20,
    double? DiceTop30,
    double? Auc,
    double DeletionAuc,
    double InsertionAuc);
