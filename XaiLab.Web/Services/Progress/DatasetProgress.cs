using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Progress;

/// <summary>A snapshot of a dataset import pushed to open pages.</summary>
/// <param name="Progress">0..1.</param>
/// <param name="Error">Why the import failed or was cancelled; null otherwise.</param>
public sealed record DatasetProgress(int DatasetId, DatasetStatus Status, double Progress, string? Error);
