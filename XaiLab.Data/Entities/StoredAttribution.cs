namespace XaiLab.Data.Entities;

/// <summary>
/// One attribution map of a run's trained model on one slice, computed once per <see cref="CacheKey"/> (run weights,
/// method, slice and the parameters the method uses), with its scores against the expert mask and its faithfulness.
/// The raw map is float32 little-endian [C, H, W] in <see cref="ValuesPath"/>; the overlay PNG in <see cref="OverlayPath"/>.
/// Mask scores are null when the slice has no mask (and NaN where the score is undefined, e.g. an empty mask).
/// </summary>
public class StoredAttribution
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public TrainingRun? Run { get; set; }
    public int SliceId { get; set; }
    public Slice? Slice { get; set; }

    /// <summary>API name of the method, e.g. "grad-cam".</summary>
    public required string Method { get; set; }

    /// <summary>Hex SHA-256 of the method's parameters as used (e.g. "steps=8"); part of the cache key and of map URLs.</summary>
    public required string ParametersHash { get; set; }

    /// <summary>Readable form of the parameters that went into <see cref="ParametersHash"/>.</summary>
    public required string Parameters { get; set; }

    /// <summary>Hex SHA-256 over run weights, method, slice and parameters; unique.</summary>
    public required string CacheKey { get; set; }

    /// <summary>The explained class: the run's prediction for the slice, else its label.</summary>
    public int Target { get; set; }
    public int Channels { get; set; }
    public int Height { get; set; }
    public int Width { get; set; }
    public required string OverlayPath { get; set; }
    public required string ValuesPath { get; set; }
    public double DurationSeconds { get; set; }

    /// <summary>99th percentile of |map| summed over channels: the stored overlay's full-colour value; shared scales use the largest.</summary>
    public double ClipValue { get; set; }

    public double? MaskFraction { get; set; }
    public bool? PointingGame { get; set; }
    public double? RelevanceMass { get; set; }
    public double? RelevanceRank { get; set; }
    public double? IouTop5 { get; set; }
    public double? IouTop10 { get; set; }
    public double? IouTop20 { get; set; }
    public double? IouTop30 { get; set; }
    public double? DiceTop5 { get; set; }
    public double? DiceTop10 { get; set; }
    public double? DiceTop20 { get; set; }
    public double? DiceTop30 { get; set; }
    public double? Auc { get; set; }
    public double DeletionAuc { get; set; }
    public double InsertionAuc { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
