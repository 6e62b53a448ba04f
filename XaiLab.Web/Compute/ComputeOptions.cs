namespace XaiLab.Web.Compute;

/// <summary>
/// Where XaiLab's torch work runs and with which instruction set. Bound from the configuration section "XaiLab:Compute"
/// (environment variables XaiLab__Compute__…).
/// </summary>
public sealed class ComputeOptions
{
    public const string SectionName = "XaiLab:Compute";

    /// <summary>
    /// Worker processes a web node starts and supervises on its own machine (restarted when they die, stopped with it).
    /// Default 1: <c>dotnet run --project XaiLab.Web</c> is a web process plus one worker, and no tensor ever lives in the
    /// web process. 0 leaves the web node without a local worker (workers run elsewhere: a GPU machine started with
    /// <c>--role worker</c> against the same database). See <see cref="RunJobsInWebProcess"/> for the in-process mode.
    /// </summary>
    public int LocalWorkers { get; set; } = 1;

    /// <summary>
    /// Runs the job servers inside the web process instead of in workers: no isolation, a native crash takes the web
    /// down. Default false. Meant for in-process test hosts (WebApplicationFactory), never for a deployment.
    /// </summary>
    public bool RunJobsInWebProcess { get; set; }

    /// <summary>
    /// oneDNN's <c>ONEDNN_MAX_CPU_ISA</c> for workers, overriding the hardware guard's probe: e.g. "AVX", "AVX2",
    /// "AVX512_CORE", or "default" for oneDNN's own choice without probing. Default unset: the guard probes once per CPU and
    /// picks the fastest setting that survives (docs/deployment.md). An ONEDNN_MAX_CPU_ISA in the environment wins over both.
    /// </summary>
    public string? OneDnnMaxCpuIsa { get; set; }

    /// <summary>Folder for the guard's cached verdicts. Default: $XDG_CACHE_HOME/xailab or ~/.cache/xailab.</summary>
    public string? ProbeCacheDirectory { get; set; }

    /// <summary>
    /// Set by the supervising web node on the workers it starts: a worker whose parent is gone stops itself, so no orphan
    /// keeps computing after its web node was killed. Not for hand configuration.
    /// </summary>
    public int? ParentProcessId { get; set; }

    /// <summary>Seconds a worker gets to finish its jobs' current step when the web node stops. Default 20.</summary>
    public double WorkerStopSeconds { get; set; } = 20;
}
