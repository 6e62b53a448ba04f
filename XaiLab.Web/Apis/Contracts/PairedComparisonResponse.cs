namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/runs/{id}/compare/{otherId}: McNemar's test and a seeded paired bootstrap (2000 resamples, seed 1) of
/// accuracy(run) - accuracy(other) on the test slices both runs predicted, and the slices where they disagree.
/// </summary>
public sealed record PairedComparisonResponse(
    int RunId,
    int OtherRunId,
    int Samples,
    int OnlyRunCorrect,
    int OnlyOtherCorrect,
    double McNemarExactP,
    double McNemarChiSquare,
    double McNemarChiSquareP,
    double AccuracyDifference,
    double DifferenceLower,
    double DifferenceUpper,
    IReadOnlyList<int> DisagreementSliceIds);
