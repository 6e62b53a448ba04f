namespace XaiLab.Web.Apis.Contracts;

/// <summary>The run's model evaluated on another dataset (every slice of it): accuracy and macro F1 over its samples.</summary>
public sealed record ModelCardExternalEvaluationResponse(int DatasetId, string DatasetName, int Samples, double Accuracy, double MacroF1);
