using System.Text.Json;

namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/runs/{id}/model-card: what a script outside XaiLab needs to use a run's exported weights exactly as XaiLab
/// does. A contract: scripts read these fields by name. <see cref="Classes"/> are the output classes in index order
/// (output i is <c>Classes[i]</c>); the model takes <see cref="Channels"/> x <see cref="InputSize"/> x
/// <see cref="InputSize"/> inputs made by <see cref="Preprocessing"/> from a slice's stored PNG; <see cref="Head"/> is
/// gap or flatten; <see cref="Environment"/> is the run's reproducibility record (null until training finished).
/// </summary>
public sealed record ModelCardResponse(
    string Architecture,
    IReadOnlyList<string> Classes,
    int InputSize,
    int Channels,
    string Head,
    ModelCardPreprocessingResponse Preprocessing,
    ModelCardTrainingResponse Training,
    ModelCardDatasetResponse Dataset,
    ModelCardMetricsResponse Metrics,
    JsonElement? Environment);
