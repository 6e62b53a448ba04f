namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// One method's cascade: per step the mean over slices of Spearman rank correlation and SSIM with the trained model's
/// maps; the final step has every layer randomised.
/// </summary>
public sealed record SanityCheckMethodResponse(
    string Method,
    int Slices,
    IReadOnlyList<SanityCheckStepResponse> Steps,
    double? FinalRankCorrelation,
    double? FinalSsim,
    bool Flagged);
