using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// The JSON of a run's <c>runs/{id}/sanity-check.json</c> artifact: the storage format of a sanity check, kept apart from
/// <see cref="SanityCheckResponse"/> so the API and the files can change independently; <see cref="SanityCheckStore"/>
/// maps between them. <see cref="Version"/> 1 is the first versioned shape; files written before it carry no version
/// (read as 0) and have the same fields (camelCase, as the first files were written). <see cref="Status"/> is the
/// status's wire name (queued, running, succeeded, failed), as it always was.
/// </summary>
public sealed record StoredSanityCheck(
    int Version,
    int RunId,
    string Status,
    string? Error,
    IReadOnlyList<string> RequestedMethods,
    IReadOnlyList<int> SliceIds,
    double FlagRankCorrelation,
    IReadOnlyList<StoredSanityCheckMethod> Methods,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The version this build writes.</summary>
    public const int CurrentVersion = 1;

    public static StoredSanityCheck From(SanityCheckResponse check) =>
        new(CurrentVersion, check.RunId, WireNames.Of(check.Status), check.Error, check.RequestedMethods, check.SliceIds, check.FlagRankCorrelation,
            check.Methods.Select(m => new StoredSanityCheckMethod(m.Method, m.Slices,
                m.Steps.Select(s => new StoredSanityCheckStep(s.Layer, s.LayersRandomised, s.RankCorrelation, s.Ssim)).ToList(),
                m.FinalRankCorrelation, m.FinalSsim, m.Flagged)).ToList(),
            check.UpdatedAt);

    public SanityCheckResponse ToResponse() =>
        new(RunId, Enum.Parse<SanityCheckStatus>(Status, ignoreCase: true), Error, RequestedMethods ?? [], SliceIds ?? [], FlagRankCorrelation,
            (Methods ?? []).Select(m => new SanityCheckMethodResponse(m.Method, m.Slices,
                (m.Steps ?? []).Select(s => new SanityCheckStepResponse(s.Layer, s.LayersRandomised, s.RankCorrelation, s.Ssim)).ToList(),
                m.FinalRankCorrelation, m.FinalSsim, m.Flagged)).ToList(),
            UpdatedAt);
}
