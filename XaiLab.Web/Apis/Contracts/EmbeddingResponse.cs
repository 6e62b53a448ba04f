using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>An embedding with its parameters and quality; <c>Points</c> is empty in lists and until it succeeded.</summary>
public sealed record EmbeddingResponse(
    int Id,
    int DatasetId,
    int? RunId,
    EmbeddingStatus Status,
    double Progress,
    EmbeddingSource Source,
    EmbeddingProjection Projection,
    string Split,
    double Perplexity,
    int Iterations,
    int Seed,
    int PointCount,
    int FeatureCount,
    double DurationSeconds,
    string? Error,
    EmbeddingQualityResponse Quality,
    IReadOnlyList<EmbeddingPointResponse> Points,
    DateTimeOffset CreatedAt);
