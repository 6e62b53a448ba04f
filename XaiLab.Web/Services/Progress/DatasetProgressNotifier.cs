using System.Collections.Concurrent;

namespace XaiLab.Web.Services.Progress;

/// <summary>
/// Pushes dataset import progress from jobs to open pages (eShop's order-status pattern): a page subscribes for one dataset and
/// re-renders through InvokeAsync. Publishing never blocks the publisher: handlers run on the thread pool, and a slow
/// page cannot slow the import.
/// </summary>
public sealed class DatasetProgressNotifier
{
    private readonly ConcurrentDictionary<int, ImmutableHandlers> handlers = new();
    private readonly ConcurrentDictionary<int, DatasetProgress> latest = new();

    /// <summary>The last progress published for a dataset in this process, if any.</summary>
    public DatasetProgress? Latest(int datasetId) => latest.TryGetValue(datasetId, out var progress) ? progress : null;

    public IDisposable Subscribe(int datasetId, Func<DatasetProgress, Task> handler)
    {
        handlers.AddOrUpdate(datasetId, _ => new ImmutableHandlers([handler]), (_, list) => list.With(handler));
        return new Subscription(() => handlers.AddOrUpdate(datasetId, _ => new ImmutableHandlers([]), (_, list) => list.Without(handler)));
    }

    public void Publish(DatasetProgress progress)
    {
        latest[progress.DatasetId] = progress;
        if (!handlers.TryGetValue(progress.DatasetId, out var list))
        {
            return;
        }
        foreach (var handler in list.Items)
        {
            _ = Task.Run(() => handler(progress));
        }
    }

    private sealed record ImmutableHandlers(Func<DatasetProgress, Task>[] Items)
    {
        public ImmutableHandlers With(Func<DatasetProgress, Task> handler) => new([.. Items, handler]);

        public ImmutableHandlers Without(Func<DatasetProgress, Task> handler) => new(Items.Where(h => h != handler).ToArray());
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
