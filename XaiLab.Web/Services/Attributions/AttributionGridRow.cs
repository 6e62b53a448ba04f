using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// One row of the comparison grid: a slice as seen by one run, with the true class, the run's prediction and its
/// probability (null where the run has no prediction for the slice), and each method's map.
/// </summary>
public sealed record AttributionGridRow(
    int RunId,
    int SliceId,
    string TrueClass,
    string? PredictedClass,
    double? Probability,
    IReadOnlyDictionary<string, AttributionMapResponse> Maps);
