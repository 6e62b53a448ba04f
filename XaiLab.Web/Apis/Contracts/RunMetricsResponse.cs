namespace XaiLab.Web.Apis.Contracts;

/// <summary>Test-split metrics of a finished run.</summary>
public sealed record RunMetricsResponse(double Accuracy, double MacroF1, double WeightedF1);
