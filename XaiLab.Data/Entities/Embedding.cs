namespace XaiLab.Data.Entities;

/// <summary>
/// A 2-D projection of slices (raw pixels of a dataset, or a run's features), computed once per <see cref="CacheKey"/>.
/// The points live in an artifact of packed (slice id, x, y) records: 4 + 4 + 4 bytes each, little-endian.
/// </summary>
public class Embedding
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }

    /// <summary>The run whose model gave the features; null for raw pixels.</summary>
    public int? RunId { get; set; }
    public TrainingRun? Run { get; set; }

    public EmbeddingSource Source { get; set; }
    public EmbeddingProjection Projection { get; set; }

    /// <summary>"test" (default) or "all".</summary>
    public required string Split { get; set; }
    public double Perplexity { get; set; }
    public int Iterations { get; set; }
    public int Seed { get; set; }

    /// <summary>SHA-256 (hex) over the inputs: dataset version, run and weights, source, split, projection, parameters.</summary>
    public required string CacheKey { get; set; }

    public EmbeddingStatus Status { get; set; }
    public double Progress { get; set; }
    public string? Error { get; set; }
    public string? PointsPath { get; set; }
    public int PointCount { get; set; }
    public int FeatureCount { get; set; }
    public double? Trustworthiness { get; set; }
    public double? KnnAccuracy2d { get; set; }
    public double? KnnAccuracyFeatures { get; set; }
    public double? Silhouette { get; set; }
    public double DurationSeconds { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
