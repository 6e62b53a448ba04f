namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// Body of POST /api/datasets/{id}/split. Defaults: patient-grouped, 0.70 train, 0.15 validation (test gets the rest),
/// seed 1. With <paramref name="Assignments"/> the split is made by hand (preset manual): each listed patient's slices go
/// to its split (train, validation, test or unassigned); patients not listed are unassigned.
/// </summary>
public sealed record ResplitRequest(string? Preset, double? Train, double? Validation, int? Seed,
    IReadOnlyList<PatientAssignmentRequest>? Assignments = null);
