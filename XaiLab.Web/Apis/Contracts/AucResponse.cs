namespace XaiLab.Web.Apis.Contracts;

/// <summary>One-vs-rest ROC AUC per class name and their unweighted mean.</summary>
public sealed record AucResponse(IReadOnlyDictionary<string, double> PerClass, double Macro);
