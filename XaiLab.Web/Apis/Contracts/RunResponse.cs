using XaiLab.Data.Entities;
using System.Text.Json;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/runs/{id}. Status: queued, running, succeeded, failed or cancelled; progress 0..1; metrics, confusionMatrix,
/// perClass, auc and macroF1 once the run has been evaluated on its test split; config is null for runs created before
/// configs were stored; environment is the reproducibility record once training finished. workerCrashes counts the
/// workers that died running it (it resumed after each, up to Jobs:MaxWorkerCrashes), lastWorkerCrash says how
/// ("The worker process … was killed by SIGKILL (signal 9) during training epoch 1, batch 3 of 11."). calibration (in
/// GET /api/runs/{id} only) is computed from the stored test predictions, so runs evaluated before it existed have it too.
/// </summary>
public sealed record RunResponse(
    int Id,
    int DatasetId,
    string Architecture,
    RunStatus Status,
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
    DateTimeOffset? FinishedAt,
    RunConfigResponse? Config = null,
    IReadOnlyList<ClassMetricsResponse>? PerClass = null,
    AucResponse? Auc = null,
    double? MacroF1 = null,
    IReadOnlyList<string>? Tags = null,
    string? Notes = null,
    int Attempt = 1,
    JsonElement? Environment = null,
    string? ExecutedBy = null,
    int WorkerCrashes = 0,
    string? LastWorkerCrash = null,
    string? DatasetName = null,
    CalibrationResponse? Calibration = null);
