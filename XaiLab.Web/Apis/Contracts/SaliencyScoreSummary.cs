namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// A run x method scorecard line: <paramref name="N"/> maps, mean and 95% bootstrap interval per score (keyed by the row's
/// field names; a score with no defined value is left out), and <paramref name="TopRegionAgreement"/>, the share of
/// masked slices whose top-30% region reaches IoU ≥ <paramref name="AgreementThreshold"/> with the mask (null without masks).
/// </summary>
public sealed record SaliencyScoreSummary(
    string Method,
    string Parameters,
    int N,
    IReadOnlyDictionary<string, ScoreIntervalResponse> Scores,
    double? TopRegionAgreement,
    double AgreementThreshold);
