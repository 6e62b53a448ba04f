namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// What <c>POST /api/runs/{id}/predict</c> answers: the run's class probabilities for the scan (index order of
/// <paramref name="Classes"/>), the predicted class, one map per method (explaining the predicted class), the scan as
/// the run saw it before resizing (<paramref name="ImageUrl"/>; <paramref name="PreviewUrl"/> with automatic contrast),
/// and when its files are deleted.
/// </summary>
public sealed record ScanExplanationResponse(
    float[] Probabilities,
    int Predicted,
    string PredictedClass,
    IReadOnlyList<string> Classes,
    IReadOnlyList<ScanMapResponse> Maps,
    string Token,
    string ImageUrl,
    string PreviewUrl,
    string Format,
    SliceMetadataResponse? Metadata,
    DateTimeOffset ExpiresAt);
