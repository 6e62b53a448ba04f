namespace XaiLab.Web.Apis.Contracts;

/// <summary>An external evaluation's metrics in the run's classes (the definitions of the run's test-split metrics).</summary>
public sealed record EvaluationMetricsResponse(
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ClassMetricsResponse> PerClass,
    AucResponse RocAuc,
    ConfusionMatrixResponse ConfusionMatrix,
    CalibrationResponse Calibration);
