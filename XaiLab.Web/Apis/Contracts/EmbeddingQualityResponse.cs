namespace XaiLab.Web.Apis.Contracts;

public sealed record EmbeddingQualityResponse(double? Trustworthiness, double? KnnAccuracy2d, double? KnnAccuracyFeatures, double? Silhouette);
