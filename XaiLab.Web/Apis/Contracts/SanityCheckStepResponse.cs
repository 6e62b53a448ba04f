namespace XaiLab.Web.Apis.Contracts;

/// <summary>A cascade step: layers randomised from the output down to <paramref name="Layer"/>, and the mean similarities.</summary>
public sealed record SanityCheckStepResponse(string Layer, int LayersRandomised, double? RankCorrelation, double? Ssim);
