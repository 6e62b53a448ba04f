namespace XaiLab.Web.Apis.Contracts;

/// <summary>The run's test-split metrics (the same numbers as GET /api/runs/{id}), with the number of test slices.</summary>
public sealed record ModelCardTestMetricsResponse(
    int Samples,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ClassMetricsResponse> PerClass,
    AucResponse Auc,
    ConfusionMatrixResponse ConfusionMatrix);
