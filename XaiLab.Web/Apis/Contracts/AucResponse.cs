namespace XaiLab.Web.Apis.Contracts;

/// <summary>One-vs-rest ROC AUC per class name and their unweighted mean; null where undefined (a class with no test
/// slices, or none with another class).</summary>
public sealed record AucResponse(IReadOnlyDictionary<string, double?> PerClass, double? Macro);
