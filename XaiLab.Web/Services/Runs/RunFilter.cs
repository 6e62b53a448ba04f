namespace XaiLab.Web.Services.Runs;

/// <summary>GET /api/runs query: every given field must match; <paramref name="Q"/> searches architecture, tags, notes and dataset name.</summary>
public sealed record RunFilter(int? DatasetId = null, string? Architecture = null, string? Status = null, string? Tag = null, string? Q = null);
