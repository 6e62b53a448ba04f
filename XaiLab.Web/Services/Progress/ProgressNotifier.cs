using System.Collections.Concurrent;

namespace XaiLab.Web.Services.Progress;

/// <summary>
/// Pushes progress snapshots to open pages (eShop's order-status pattern): a page subscribes for one subject and
/// re-renders through InvokeAsync. Publishing never blocks the publisher: handlers run on the thread pool, and a slow page
/// cannot slow the relay. In this app the publisher is <see cref="JobProgressRelay"/>, wherever the job runs.
/// </summary>
public abstract class ProgressNotifier<TKey, TProgress> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ImmutableHandlers> handlers = new();
    private readonly ConcurrentDictionary<TKey, TProgress> latest = new();

    /// <summary>The subject a snapshot belongs to.</summary>
    protected abstract TKey KeyOf(TProgress progress);

    /// <summary>The last snapshot published for a subject in this process, if any.</summary>
    public TProgress? Latest(TKey key) => latest.TryGetValue(key, out var progress) ? progress : default;

    public IDisposable Subscribe(TKey key, Func<TProgress, Task> handler)
    {
        handlers.AddOrUpdate(key, _ => new ImmutableHandlers([handler]), (_, list) => list.With(handler));
        return new Subscription(() => handlers.AddOrUpdate(key, _ => new ImmutableHandlers([]), (_, list) => list.Without(handler)));
    }

    public void Publish(TProgress progress)
    {
        var key = KeyOf(progress);
        latest[key] = progress;
        if (!handlers.TryGetValue(key, out var list))
        {
            return;
        }
        foreach (var handler in list.Items)
        {
            _ = Task.Run(() => handler(progress));
        }
    }

    private sealed record ImmutableHandlers(Func<TProgress, Task>[] Items)
    {
        public ImmutableHandlers With(Func<TProgress, Task> handler) => new([.. Items, handler]);

        public ImmutableHandlers Without(Func<TProgress, Task> handler) => new(Items.Where(h => h != handler).ToArray());
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
