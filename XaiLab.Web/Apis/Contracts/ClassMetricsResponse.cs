namespace XaiLab.Web.Apis.Contracts;

/// <summary>Test-split metrics of one class (scikit-learn's precision_recall_fscore_support definitions).</summary>
public sealed record ClassMetricsResponse(string Name, double Precision, double Recall, double F1, int Support);
