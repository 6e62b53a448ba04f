namespace XaiLab.Web.Apis.Contracts;

/// <summary>POST /api/datasets/demo body: {"slices":N,"size":S,"seed":K}; each field optional (defaults 240, 64, 1);
/// teamId: the owning team (default: the caller's first team).</summary>
public sealed record CreateDemoDatasetRequest(int? Slices, int? Size, int? Seed, string? Name, int? TeamId = null);
