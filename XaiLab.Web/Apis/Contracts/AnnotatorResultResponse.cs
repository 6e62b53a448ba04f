namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// One annotator's quality control: progress, accuracy on gold items (exact, and within one scale point for Likert
/// items), and consistency on repeated items: exact agreement over all repeats (same value, or same choice for pairs);
/// mean absolute difference and quadratic-weighted kappa over the repeated Likert items.
/// </summary>
public sealed record AnnotatorResultResponse(
    string UserId,
    int Done,
    int Total,
    int GoldItems,
    int GoldCorrect,
    double? GoldAccuracy,
    double? GoldWithinOne,
    int RepeatPairs,
    double? RepeatExact,
    double? RepeatMeanAbsoluteDifference,
    double? RepeatKappa);
