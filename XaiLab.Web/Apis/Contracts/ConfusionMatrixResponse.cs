namespace XaiLab.Web.Apis.Contracts;

/// <summary>Counts[i][j] = test slices of true class Labels[i] predicted as Labels[j].</summary>
public sealed record ConfusionMatrixResponse(IReadOnlyList<string> Labels, int[][] Counts);
