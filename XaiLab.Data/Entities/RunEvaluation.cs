namespace XaiLab.Data.Entities;

/// <summary>
/// An external evaluation: a run's trained network judged on the slices of another dataset (another hospital's scans).
/// Its per-slice predictions are <see cref="EvaluationPrediction"/> rows, kept apart from the run's own test
/// <see cref="Prediction"/>s so that everything reading a run's predictions still reads its test split only. Deleted with
/// the run and with the evaluation dataset (cascading foreign keys).
/// </summary>
public class RunEvaluation : ITeamOwned
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public int RunId { get; set; }
    public TrainingRun? Run { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    public EvaluationSplit Split { get; set; }

    /// <summary>Every class name of the evaluation dataset and the run's class it is counted as (JSON object, "{}" for
    /// none), resolved when the evaluation was asked for: by name, or by the caller's map.</summary>
    public string ClassMapJson { get; set; } = "{}";

    /// <summary>Whether the caller gave the map (false: classes matched by name).</summary>
    public bool ClassMapGiven { get; set; }

    public RunEvaluationStatus Status { get; set; }

    /// <summary>0..1 over the slices predicted.</summary>
    public double Progress { get; set; }

    /// <summary>Slices predicted (known once the job started).</summary>
    public int Samples { get; set; }

    /// <summary>The classification report in the run's classes, as the run's own (StoredEvaluation JSON).</summary>
    public string? MetricsJson { get; set; }
    public string? Error { get; set; }
    public double DurationSeconds { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
