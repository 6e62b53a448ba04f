using XaiLab.Data.Entities;

namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/evaluations/{id} (and the items of GET /api/runs/{id}/evaluations, whose <c>predictions</c> are empty): a run
/// judged on another dataset. Status queued, running, succeeded or failed; progress 0..1; classMap names every class of
/// the dataset and the run's class it counts as; metrics and accuracyDifference (external − the run's test accuracy) once
/// it succeeded.
/// </summary>
public sealed record EvaluationResponse(
    int Id,
    int RunId,
    int DatasetId,
    string? DatasetName,
    EvaluationSplit Split,
    IReadOnlyDictionary<string, string> ClassMap,
    RunEvaluationStatus Status,
    double Progress,
    int Samples,
    EvaluationMetricsResponse? Metrics,
    AccuracyDifferenceResponse? AccuracyDifference,
    IReadOnlyList<EvaluationPredictionResponse> Predictions,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
