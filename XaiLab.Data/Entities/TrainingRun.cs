namespace XaiLab.Data.Entities;

public class TrainingRun : ITeamOwned
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }

    /// <summary>API name of the architecture, e.g. "smallcnn".</summary>
    public required string Architecture { get; set; }
    public RunStatus Status { get; set; }
    public int Epochs { get; set; }
    public int ImageSize { get; set; }
    public int BatchSize { get; set; }
    public double LearningRate { get; set; }
    public int Seed { get; set; }
    public required string Device { get; set; }

    /// <summary>The full training configuration (preset, optimiser, schedule, augmentation, ...) as JSON; null for runs
    /// created before it existed, which train with the engine's defaults.</summary>
    public string? ConfigJson { get; set; }

    /// <summary>Free-form labels, comma-separated, for filtering the runs table.</summary>
    public string? Tags { get; set; }
    public string? Notes { get; set; }

    /// <summary>1 for the first execution, incremented by every retry.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>0..1 over the whole run (training and evaluation).</summary>
    public double Progress { get; set; }

    /// <summary>Last epoch whose metrics and checkpoint are stored (0 = none).</summary>
    public int CompletedEpochs { get; set; }
    public string? CheckpointPath { get; set; }
    public double? NormalizationMean { get; set; }
    public double? NormalizationStd { get; set; }
    public double? TestAccuracy { get; set; }

    /// <summary>The test-split report (per-class metrics, confusion matrix) as JSON.</summary>
    public string? EvaluationJson { get; set; }

    /// <summary>Reproducibility record: versions, device, dataset hash, wall time, as JSON.</summary>
    public string? EnvironmentJson { get; set; }
    public string? Error { get; set; }
    public string? LogTail { get; set; }
    public string? HangfireJobId { get; set; }

    /// <summary>Executor that holds the run (see RunLease); null when nobody does.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Name of the node (Node:Name) that executed the run last; a run resumed elsewhere names the node that finished it.</summary>
    public string? ExecutedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public List<EpochMetric> EpochMetrics { get; set; } = [];
}
