using System.Collections.Concurrent;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// Stops an attribution request executing in this process at once, also in the middle of a map. A request executing in
/// another process notices its cancelled status in the database before its next map.
/// </summary>
public sealed class AttributionCancellationRegistry
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();

    public CancellationTokenSource Register(int requestId, CancellationToken jobToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        running[requestId] = source;
        return source;
    }

    public void Unregister(int requestId, CancellationTokenSource source) =>
        running.TryRemove(new KeyValuePair<int, CancellationTokenSource>(requestId, source));

    /// <summary>Signals a request executing here; false when it does not execute in this process.</summary>
    public bool Cancel(int requestId)
    {
        if (!running.TryGetValue(requestId, out var source))
        {
            return false;
        }
        source.Cancel();
        return true;
    }
}
