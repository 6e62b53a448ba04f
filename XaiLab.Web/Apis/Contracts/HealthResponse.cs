namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/health: {"status":"ok","torch":"2.10.0","device":"cpu","database":"ok","role":"web","node":"box:42"}.
/// Status is "degraded" and database "unavailable" (with <paramref name="DatabaseUnavailableSince"/>) while the database
/// does not answer; the process itself is alive, so the answer stays 200. <c>torch</c> and <c>device</c> are what the live
/// workers compute with (the shipped libtorch before any announced itself); <c>cpu</c> is the hardware guard's decision
/// (the ISA in use, why, the CPU model); <c>workers</c> the live worker nodes.
/// </summary>
public sealed record HealthResponse(
    string Status,
    string Torch,
    string Device,
    string Database = "ok",
    DateTimeOffset? DatabaseUnavailableSince = null,
    string? Role = null,
    string? Node = null,
    HealthCpuResponse? Cpu = null,
    IReadOnlyList<HealthWorkerResponse>? Workers = null);
