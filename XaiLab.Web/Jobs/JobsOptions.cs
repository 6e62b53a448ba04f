namespace XaiLab.Web.Jobs;

/// <summary>Background job settings, bound from the configuration section "Jobs".</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Concurrent training runs on the "cpu" queue. Default 1: a run already uses every core.</summary>
    public int TrainingWorkers { get; set; } = 1;

    /// <summary>Workers for imports and other short jobs on the "default" queue. Default 2.</summary>
    public int DefaultWorkers { get; set; } = 2;

    /// <summary>How often idle workers ask SQLite for work. Default 1 s (the storage's own default is much slower).</summary>
    public double QueuePollIntervalSeconds { get; set; } = 1;

    /// <summary>
    /// How long a fetched job stays invisible to other workers. Default 12 h. Runs are guarded by their own lease
    /// (RunLeaseStore), so a late duplicate start is harmless; a short value would only start duplicates sooner.
    /// </summary>
    public double InvisibilityTimeoutHours { get; set; } = 12;

    /// <summary>A run's lease lasts this long without a heartbeat. Default 60 s; renewed every third of it.</summary>
    public double RunLeaseSeconds { get; set; } = 60;
}
