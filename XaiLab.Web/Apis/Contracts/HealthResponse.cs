namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// GET /api/health: {"status":"ok","torch":"2.10.0","device":"cpu","database":"ok","role":"web","node":"box:42"}.
/// Status is "degraded" and database "unavailable" (with <paramref name="DatabaseUnavailableSince"/>) while the database
/// does not answer; the process itself is alive, so the answer stays 200.
/// </summary>
public sealed record HealthResponse(
    string Status,
    string Torch,
    string Device,
    string Database = "ok",
    DateTimeOffset? DatabaseUnavailableSince = null,
    string? Role = null,
    string? Node = null);
