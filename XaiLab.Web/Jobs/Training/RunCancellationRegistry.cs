using System.Collections.Concurrent;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// Cancels a run executing in this process at once. Hangfire's own cancellation (after BackgroundJob.Delete) is noticed
/// only when the worker next polls the job's state; this registry makes Cancel immediate.
/// </summary>
public sealed class RunCancellationRegistry
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    public CancellationTokenSource Register(int runId, CancellationToken jobToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        running[runId] = source;
        return source;
    }

    public void Unregister(int runId, CancellationTokenSource source) =>
        running.TryRemove(new KeyValuePair<int, CancellationTokenSource>(runId, source));

    /// <summary>Signals a run executing here; false when it does not execute in this process.</summary>
    public bool Cancel(int runId)
    {
        if (!running.TryGetValue(runId, out var source))
        {
            return false;
        }
        source.Cancel();
        return true;
    }
}
