using Microsoft.Extensions.Options;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;

namespace XaiLab.Web.Jobs.Execution;

/// <summary>
/// Turns a worker's death into facts: every subject it held counts a crash with the signal and the stage as its reason;
/// one that has killed its worker more than <see cref="JobsOptions.MaxWorkerCrashes"/> times ends failed with that
/// reason, the others are queued to resume. Called by the local supervisor when a worker exits, and at start for nodes
/// that stopped beating — so a job that kills its worker is never a crash loop.
/// </summary>
public sealed class WorkerDeaths(JobExecutionStore store, IServiceProvider services, IOptions<JobsOptions> options, ILogger<WorkerDeaths> logger)
{
    /// <param name="node">The dead node's name.</param>
    /// <param name="death">e.g. "was killed by SIGKILL (signal 9)".</param>
    /// <param name="hint">What to try, for the person reading a failed job.</param>
    public async Task<IReadOnlyList<JobExecution>> HandleAsync(string node, string death, string hint, bool atStartup, CancellationToken cancellationToken)
    {
        var held = await store.RecordDeathAsync(node, death, cancellationToken);
        if (held.Count == 0)
        {
            return held;
        }
        await using var scope = services.CreateAsyncScope();
        var recoveries = scope.ServiceProvider.GetServices<IJobRecovery>().ToDictionary(r => r.Kind);
        var max = Math.Max(0, options.Value.MaxWorkerCrashes);
        foreach (var execution in held)
        {
            if (!recoveries.TryGetValue(execution.Kind, out var recovery))
            {
                continue;
            }
            try
            {
                if (execution.Crashes > max)
                {
                    var reason = $"{execution.LastCrash} It has now stopped its worker {execution.Crashes} times, more than " +
                        $"Jobs:MaxWorkerCrashes ({max}) allows, so it is not retried. {hint}";
                    logger.LogError("{Kind} {Id} failed: {Reason}", execution.Kind, execution.EntityId, reason);
                    await recovery.FailAsync(execution.EntityId, reason, cancellationToken);
                }
                else
                {
                    logger.LogWarning("{Kind} {Id}: {Crash} Resuming ({Crashes} of at most {Max} crashes).", execution.Kind,
                        execution.EntityId, execution.LastCrash, execution.Crashes, max);
                    await recovery.ResumeAsync(execution.EntityId, atStartup, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not recover {Kind} {Id} after its worker died", execution.Kind, execution.EntityId);
            }
        }
        return held;
    }
}
