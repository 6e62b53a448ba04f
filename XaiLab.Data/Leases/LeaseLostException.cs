namespace XaiLab.Data.Leases;

/// <summary>
/// An executor tried to commit work for a run whose lease it no longer holds (it expired, e.g. while the database was
/// unreachable, and another executor took it). The work is discarded; the holder redoes it. A cancellation, so the
/// executor stops like one that saw its lease lost at a heartbeat.
/// </summary>
public sealed class LeaseLostException(int runId, string owner)
    : OperationCanceledException($"Run {runId} is no longer leased to {owner}; another executor holds it.");
