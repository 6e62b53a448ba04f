namespace XaiLab.Web.Apis.Contracts;

/// <summary>GET /api/health: {"status":"ok","torch":"2.10.0","device":"cpu"}.</summary>
public sealed record HealthResponse(string Status, string Torch, string Device);
