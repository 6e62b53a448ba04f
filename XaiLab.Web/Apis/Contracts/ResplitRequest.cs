namespace XaiLab.Web.Apis.Contracts;

/// <summary>Body of POST /api/datasets/{id}/split. Defaults: patient-grouped, 0.70 train, 0.15 validation (test gets the rest), seed 1.</summary>
public sealed record ResplitRequest(string? Preset, double? Train, double? Validation, int? Seed);
