namespace XaiLab.Web.Services.Attributions;

/// <summary>One method's cascade in a <see cref="StoredSanityCheck"/>.</summary>
public sealed record StoredSanityCheckMethod(
    string Method,
    int Slices,
    IReadOnlyList<StoredSanityCheckStep> Steps,
    double? FinalRankCorrelation,
    double? FinalSsim,
    bool Flagged);
