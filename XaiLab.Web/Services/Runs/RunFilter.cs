namespace XaiLab.Web.Services.Runs;

/// <summary>
/// Which runs a list shows (GET /api/runs and the runs page): every given field must match; <paramref name="Search"/>
/// (the API's <c>q</c>) finds text in the architecture, tags, notes and dataset name.
/// </summary>
public sealed record RunFilter(int? DatasetId = null, string? Architecture = null, string? Status = null, string? Tag = null, string? Search = null);
