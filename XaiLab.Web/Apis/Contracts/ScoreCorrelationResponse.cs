namespace XaiLab.Web.Apis.Contracts;

/// <summary>Spearman's rho (95% interval) between maps' mean ratings and one automatic mask score over <see cref="Maps"/> maps.</summary>
public sealed record ScoreCorrelationResponse(string Score, int Maps, double? Rho, double? Lower, double? Upper);
