namespace XaiLab.Web.Apis.Contracts;

/// <summary>A live worker node in /api/health.</summary>
public sealed record HealthWorkerResponse(string Name, int ProcessId, string Machine, string Device, string Queues, DateTimeOffset HeartbeatAt);
