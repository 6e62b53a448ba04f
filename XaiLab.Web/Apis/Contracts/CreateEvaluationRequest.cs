namespace XaiLab.Web.Apis.Contracts;

/// <summary>POST /api/runs/{id}/evaluations: the dataset to judge the run on, which of its slices ("all", the default;
/// "test"; "unassigned"), and optionally how its class names map to the run's (their class → our class); without a map
/// the classes are matched by name, ignoring case.</summary>
public sealed record CreateEvaluationRequest(int DatasetId, string? Split = null, IReadOnlyDictionary<string, string>? ClassMap = null);
