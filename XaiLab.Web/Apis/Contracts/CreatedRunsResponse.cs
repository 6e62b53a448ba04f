namespace XaiLab.Web.Apis.Contracts;

/// <summary>POST /api/runs answer: the first run's id and, for a sweep, every run's id in architecture-major order.</summary>
public sealed record CreatedRunsResponse(int Id, IReadOnlyList<int> Ids);
