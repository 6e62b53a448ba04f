namespace XaiLab.Web.Jobs;

/// <summary>Background job settings, bound from the configuration section "Jobs".</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Concurrent training runs on the "cpu" queue. Default 1: a run already uses every core.</summary>
    public int TrainingWorkers { get; set; } = 1;

    /// <summary>Workers for imports and other short jobs on the "default" queue. Default 2.</summary>
    public int DefaultWorkers { get; set; } = 2;

    /// <summary>How often idle workers ask the storage for work. Default 1 s (the storages' own defaults are much slower).</summary>
    public double QueuePollIntervalSeconds { get; set; } = 1;

    /// <summary>
    /// SQLite only: how long a fetched job stays invisible to other workers. Default 12 h. Runs are guarded by their own lease
    /// (RunLeaseStore), so a late duplicate start is harmless; a short value would only start duplicates sooner.
    /// </summary>
    public double InvisibilityTimeoutHours { get; set; } = 12;

    /// <summary>
    /// Postgres only: how long a fetched job stays invisible without a sign of life. Default 300 s. Hangfire.PostgreSql's
    /// sliding invisibility timeout renews it while the job runs, so this only bounds how soon the job of a node that
    /// died (kill -9, power loss) is picked up by another node, where it resumes (runs from their last epoch).
    /// </summary>
    public double SlidingInvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// Comma-separated queues this node's job servers take work from: "gpu" (training on CUDA), "cpu" (training on the
    /// CPU), "default" (imports, embeddings, attributions). Default: all three where CUDA is present, else cpu and
    /// default. Empty ("none") runs no job server: a web node that leaves all work to workers.
    /// Environment variable: Jobs__Queues, e.g. "gpu" on a GPU worker.
    /// </summary>
    public string? Queues { get; set; }

    /// <summary>The queues of <see cref="Queues"/>, resolved against the default.</summary>
    public IReadOnlyList<string> ResolveQueues(bool cudaAvailable)
    {
        if (Queues is null)
        {
            return cudaAvailable ? [JobQueues.Gpu, JobQueues.Cpu, JobQueues.Default] : [JobQueues.Cpu, JobQueues.Default];
        }
        var queues = Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(q => q.ToLowerInvariant()).Where(q => q != "none").Distinct().ToList();
        var unknown = queues.Except([JobQueues.Gpu, JobQueues.Cpu, JobQueues.Default]).ToList();
        return unknown.Count == 0
            ? queues
            : throw new InvalidOperationException($"Unknown job queue(s) in Jobs:Queues: {string.Join(", ", unknown)}. Use gpu, cpu, default.");
    }

    /// <summary>
    /// How often a job may kill the worker running it (signal, OOM kill, abort) and still be resumed on a fresh worker.
    /// Default 2: the third death ends it failed, with the signal and the stage as its reason.
    /// </summary>
    public int MaxWorkerCrashes { get; set; } = 2;

    /// <summary>A run's lease lasts this long without a heartbeat. Default 60 s; renewed every third of it.</summary>
    public double RunLeaseSeconds { get; set; } = 60;
}
