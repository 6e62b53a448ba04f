using System.Collections.Concurrent;
using XaiLab.Data.Executions;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Jobs.Execution;

/// <summary>
/// The one way a job runs its subject: <see cref="BeginAsync"/> opens a <see cref="JobExecutionScope"/> that marks the
/// subject as executed by this node, carries its progress to the database (where the web node's relay reads it), turns a
/// cancel asked for anywhere into its token, and ends the execution cleanly however the job stops. Only a dead process
/// leaves an execution active, which is how a worker's death is told from a shutdown.
/// </summary>
public sealed class JobExecutions(JobExecutionStore store, NodeOptions node, FaultInjection faults, TimeProvider time, ILogger<JobExecutions> logger)
{
    private readonly ConcurrentDictionary<(string Kind, int Id), JobExecutionScope> local = new();

    /// <summary>Starts executing (<paramref name="kind"/>, <paramref name="entityId"/>) on this node.</summary>
    public async Task<JobExecutionScope> BeginAsync(string kind, int entityId, CancellationToken jobCancellation)
    {
        var crashes = await store.BeginAsync(kind, entityId, node.Name, jobCancellation);
        var scope = new JobExecutionScope(kind, entityId, crashes, node.Name, store, faults, time, logger, jobCancellation,
            onEnd: s => local.TryRemove(new KeyValuePair<(string, int), JobExecutionScope>((s.Kind, s.EntityId), s)));
        local[(kind, entityId)] = scope;
        return scope;
    }

    /// <summary>
    /// Asks whoever executes the subject to stop: at once when it runs in this process, within a second elsewhere.
    /// Returns whether an executor holds it now (it then records the outcome itself); false: mark it yourself.
    /// </summary>
    public async Task<bool> RequestCancelAsync(string kind, int entityId, CancellationToken cancellationToken = default)
    {
        var held = await store.RequestCancelAsync(kind, entityId, cancellationToken);
        if (local.TryGetValue((kind, entityId), out var scope))
        {
            scope.CancelByUser();
            return true;
        }
        return held;
    }
}
