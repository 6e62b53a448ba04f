namespace XaiLab.Web.Apis.Contracts;

/// <summary>PATCH /api/runs/{id} body: fields left null stay as they are.</summary>
public sealed record UpdateRunRequest(IReadOnlyList<string>? Tags, string? Notes);
