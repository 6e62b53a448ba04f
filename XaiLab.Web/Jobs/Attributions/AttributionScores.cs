namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// Scores of one map. The mask scores are null without an expert mask; NaN where a score is undefined (empty mask).
/// </summary>
public sealed record AttributionScores(
    double? MaskFraction,
    bool? PointingGame,
    double? RelevanceMass,
    double? RelevanceRank,
    IReadOnlyList<double>? Iou,
    IReadOnlyList<double>? Dice,
    double? Auc,
    double DeletionAuc,
    double InsertionAuc);
