using System.Collections.Concurrent;

namespace XaiLab.Web.Jobs.Datasets;

/// <summary>
/// Cancels a dataset import executing in this process at once. Hangfire's own cancellation (after BackgroundJob.Delete) is noticed
/// only when the worker next polls the job's state; this registry makes Cancel immediate.
/// </summary>
public sealed class DatasetImportCancellationRegistry
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    public CancellationTokenSource Register(int datasetId, CancellationToken jobToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        running[datasetId] = source;
        return source;
    }

    public void Unregister(int datasetId, CancellationTokenSource source) =>
        running.TryRemove(new KeyValuePair<int, CancellationTokenSource>(datasetId, source));

    /// <summary>Signals an import executing here; false when it does not execute in this process.</summary>
    public bool Cancel(int datasetId)
    {
        if (!running.TryGetValue(datasetId, out var source))
        {
            return false;
        }
        source.Cancel();
        return true;
    }
}
