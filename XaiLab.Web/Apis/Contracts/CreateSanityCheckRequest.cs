namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// POST /api/runs/{runId}/sanity-check body. Omitted methods: every method with a stored map of the run; omitted slices:
/// the run's explained slices (SanityCheck:Slices of them).
/// </summary>
public sealed record CreateSanityCheckRequest(IReadOnlyList<string>? Methods = null, IReadOnlyList<int>? SliceIds = null);
