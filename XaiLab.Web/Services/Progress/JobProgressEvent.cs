namespace XaiLab.Web.Services.Progress;

/// <summary>Something changed in a job's execution: its stage, its progress or whether it still runs.</summary>
/// <param name="Kind">One of XaiLab.Data.Executions.JobKinds.</param>
/// <param name="Active">An executor still holds it.</param>
public sealed record JobProgressEvent(string Kind, int EntityId, string? Stage, bool Active);
