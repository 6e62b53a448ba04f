namespace XaiLab.Web.Apis.Contracts;

/// <summary>A dataset's split after POST /api/datasets/{id}/split, with the splitter's warnings and the leakage report.</summary>
public sealed record SplitResponse(SplitCountsResponse SplitCounts, IReadOnlyList<string> Warnings, LeakageResponse Leakage);
