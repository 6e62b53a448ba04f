namespace XaiLab.Data.Entities;

/// <summary>
/// The execution record of one background job's subject (a run, an import, an attribution request, …): which node works
/// on it now, its last progress snapshot, and how often a worker died under it. One row per (Kind, EntityId); every job
/// kind keeps it the same way (<see cref="Executions.JobExecutionStore"/>), and the web node reads progress and deaths
/// from it, whichever process or machine ran the job.
/// </summary>
public class JobExecution
{
    public int Id { get; set; }

    /// <summary>The subject's kind, one of <see cref="Executions.JobKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public int EntityId { get; set; }

    /// <summary>The node executing it now (while <see cref="Active"/>), else the last one.</summary>
    public string? Node { get; set; }

    /// <summary>An executor holds it now. Cleared when the job finishes or stops cleanly (shutdown, cancel).</summary>
    public bool Active { get; set; }

    /// <summary>What it does now, as a person reads it: "training epoch 1, batch 3", "explaining slice 844 with xrai".</summary>
    public string? Stage { get; set; }

    /// <summary>The last progress snapshot as JSON (the kind's own record), relayed to open pages.</summary>
    public string? ProgressJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Someone asked to cancel it; the executor's scope sees this within a second, wherever it runs.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Workers that died while executing it (signal, OOM kill, abort, exit).</summary>
    public int Crashes { get; set; }

    /// <summary>The last death, as a person reads it: which signal, in which stage.</summary>
    public string? LastCrash { get; set; }
}
