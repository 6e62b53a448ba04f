namespace XaiLab.Web.Services.Attributions;

/// <summary>One cascade step in a <see cref="StoredSanityCheck"/>.</summary>
public sealed record StoredSanityCheckStep(string Layer, int LayersRandomised, double? RankCorrelation, double? Ssim);
