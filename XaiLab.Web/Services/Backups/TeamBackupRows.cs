using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Backups;

/// <summary>Every row of one team's project, as a backup archive holds them (rows/*.json), ids as they were.</summary>
public sealed class TeamBackupRows
{
    public required Team Team { get; init; }
    public List<Dataset> Datasets { get; init; } = [];
    public List<Slice> Slices { get; init; } = [];
    public List<TrainingRun> Runs { get; init; } = [];
    public List<EpochMetric> EpochMetrics { get; init; } = [];
    public List<Prediction> Predictions { get; init; } = [];
    public List<Embedding> Embeddings { get; init; } = [];
    public List<AttributionRequest> AttributionRequests { get; init; } = [];
    public List<StoredAttribution> StoredAttributions { get; init; } = [];

    /// <summary>Relative artifact paths the rows point to.</summary>
    public IEnumerable<string> ArtifactPaths() =>
        Slices.SelectMany(s => new[] { s.ImagePath, s.MaskPath })
            .Concat(Runs.Select(r => r.CheckpointPath))
            .Concat(Embeddings.Select(e => e.PointsPath))
            .Concat(StoredAttributions.SelectMany(a => new[] { a.OverlayPath, a.ValuesPath }))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
