using XaiLab.Web.Services.Attributions;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// Body of <c>GET /api/runs/{runId}/sanity-check</c>: the cascading model-randomisation test (Adebayo et al. 2018) of a
/// run's methods. Status: queued, running, succeeded or failed. A method is <c>flagged</c> when its maps with every layer
/// randomised still reach a mean rank correlation of <paramref name="FlagRankCorrelation"/> with the trained maps.
/// </summary>
public sealed record SanityCheckResponse(
    int RunId,
    SanityCheckStatus Status,
    string? Error,
    IReadOnlyList<string> RequestedMethods,
    IReadOnlyList<int> SliceIds,
    double FlagRankCorrelation,
    IReadOnlyList<SanityCheckMethodResponse> Methods,
    DateTimeOffset UpdatedAt);
