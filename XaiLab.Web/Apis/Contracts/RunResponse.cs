namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/runs/{id}. Status: queued, running, succeeded, failed or cancelled; progress 0..1; metrics and
/// confusionMatrix once the run has been evaluated on its test split.
/// </summary>
public sealed record RunResponse(
    int Id,
    int DatasetId,
    string Architecture,
    string Status,
    double Progress,
    int Epochs,
    int CompletedEpochs,
    int ImageSize,
    int BatchSize,
    double LearningRate,
    int Seed,
    string Device,
    RunMetricsResponse? Metrics,
    ConfusionMatrixResponse? ConfusionMatrix,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
