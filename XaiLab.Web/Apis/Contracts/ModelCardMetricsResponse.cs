namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// A model card's metrics: <see cref="Test"/>, the run's own held-out test split (null before the run was evaluated),
/// and <see cref="External"/>, evaluations on other datasets (empty until such evaluations exist).
/// </summary>
public sealed record ModelCardMetricsResponse(ModelCardTestMetricsResponse? Test, IReadOnlyList<ModelCardExternalEvaluationResponse> External);
