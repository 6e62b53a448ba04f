using XaiLab.Data.Executions;
using XaiLab.Engine.Runtime.Processes;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Compute;

/// <summary>
/// Jobs still marked active by a worker that no longer beats died with it (its machine, its process or XaiLab stopped
/// without ending them): each counts a crash through <see cref="WorkerDeaths"/>, and one past Jobs:MaxWorkerCrashes ends
/// failed instead of being queued again. The web node looks at start and then every <see cref="CheckEvery"/> (from
/// <see cref="ComputeNodesMonitor"/>), so a remote worker's death is a fact within about a minute rather than at the next
/// restart.
/// </summary>
public sealed class SilentWorkers(JobExecutionStore executions, WorkerDeaths deaths, TimeProvider time, ILogger<SilentWorkers> logger)
{
    /// <summary>A worker whose heartbeat is this old is dead: 30 s (workers beat every 5 s).</summary>
    public static readonly TimeSpan SilentFor = TimeSpan.FromSeconds(30);

    /// <summary>How often the web node looks for silent workers after start: 15 s.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    /// <summary>Records the deaths of every silent holder; returns how many workers were found dead.</summary>
    public async Task<int> RecordAsync(bool atStartup, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = 0;
        foreach (var (holder, announcement) in await executions.HoldersAsync(cancellationToken))
        {
            var sameMachine = announcement?.Machine == Environment.MachineName;
            var dead = atStartup && announcement is null
                || announcement is not null && announcement.HeartbeatAt < now - SilentFor
                // A worker of this machine whose process is gone (killed with its web node) is dead at once; the local
                // supervisor reports its own workers' exits, so after start only other processes' are looked at here.
                || sameMachine && (atStartup && announcement!.ProcessId == Environment.ProcessId || !DotnetHost.IsAlive(announcement!.ProcessId));
            if (!dead)
            {
                continue;
            }
            found++;
            logger.LogWarning("Worker {Node} stopped without ending its jobs; recording the crash", holder);
            await deaths.HandleAsync(holder, "stopped without ending its job (the process or the machine died)",
                "If it happens again, the worker's log says why.", atStartup, cancellationToken);
        }
        return found;
    }
}
