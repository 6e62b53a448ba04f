namespace XaiLab.Web.Apis.Contracts;

/// <summary>Body of <c>GET /api/runs/{runId}/saliency-scores</c>: one row per stored map and the per-method summary.</summary>
public sealed record SaliencyScoresResponse(IReadOnlyList<SaliencyScoreRow> Rows, IReadOnlyList<SaliencyScoreSummary> Summary);
