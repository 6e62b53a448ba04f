using System.Collections.Concurrent;

namespace XaiLab.Web.Services.Progress;

/// <summary>
/// Pushes run progress from jobs to open pages (eShop's order-status pattern): a page subscribes for one run and
/// re-renders through InvokeAsync. Publishing never blocks the publisher: handlers run on the thread pool, and a slow
/// page cannot slow the training loop.
/// </summary>
public sealed class RunProgressNotifier
{
    private readonly ConcurrentDictionary<int, ImmutableHandlers> handlers = new();
    private readonly ConcurrentDictionary<int, RunProgress> latest = new();

    /// <summary>The last progress published for a run in this process, if any.</summary>
    public RunProgress? Latest(int runId) => latest.TryGetValue(runId, out var progress) ? progress : null;

    public IDisposable Subscribe(int runId, Func<RunProgress, Task> handler)
    {
        handlers.AddOrUpdate(runId, _ => new ImmutableHandlers([handler]), (_, list) => list.With(handler));
        return new Subscription(() => handlers.AddOrUpdate(runId, _ => new ImmutableHandlers([]), (_, list) => list.Without(handler)));
    }

    public void Publish(RunProgress progress)
    {
        latest[progress.RunId] = progress;
        if (!handlers.TryGetValue(progress.RunId, out var list))
        {
            return;
        }
        foreach (var handler in list.Items)
        {
            _ = Task.Run(() => handler(progress));
        }
    }

    private sealed record ImmutableHandlers(Func<RunProgress, Task>[] Items)
    {
        public ImmutableHandlers With(Func<RunProgress, Task> handler) => new([.. Items, handler]);

        public ImmutableHandlers Without(Func<RunProgress, Task> handler) => new(Items.Where(h => h != handler).ToArray());
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
