namespace XaiLab.Web.Apis.Contracts;

/// <summary>One confidence bin (lower, upper]: its samples, their mean top-class probability and their accuracy (null when
/// the bin is empty).</summary>
public sealed record CalibrationBinResponse(double Lower, double Upper, int Count, double? Confidence, double? Accuracy);
