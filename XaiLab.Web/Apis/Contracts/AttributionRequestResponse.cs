using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// An attribution request: status (queued, running, succeeded, failed, cancelled), progress in 0..1, how many maps it needs
/// (<paramref name="Total"/>), reached (<paramref name="Done"/>) and computed itself rather than reused
/// (<paramref name="Computed"/>), the maps reached so far, and the node that executed it (<paramref name="ExecutedBy"/>).
/// </summary>
public sealed record AttributionRequestResponse(
    int Id,
    AttributionRequestStatus Status,
    double Progress,
    int Total,
    int Done,
    int Computed,
    IReadOnlyList<int> RunIds,
    IReadOnlyList<string> Methods,
    IReadOnlyList<int> SliceIds,
    IReadOnlyList<AttributionMapResponse> Maps,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? ExecutedBy = null);
