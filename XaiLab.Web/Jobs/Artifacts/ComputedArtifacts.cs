using System.Collections.Concurrent;
using System.Linq.Expressions;
using Hangfire;
using XaiLab.Data.Artifacts;

namespace XaiLab.Web.Jobs.Artifacts;

/// <summary>
/// Answers a request that needs libtorch without loading it here: the answer is an artifact file that a worker writes
/// (<see cref="ArtifactJob"/>), computed once and served from the store afterwards. The first caller enqueues the job;
/// concurrent callers for the same file wait for the same job. A job that fails writes the reason beside the file
/// (<c>.error</c>), which the caller gets as an <see cref="ArtifactComputationException"/>.
/// </summary>
public sealed class ComputedArtifacts(ArtifactStore store, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>How long a caller waits for a worker: 10 min (the first description of every network at 224 takes about a minute).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);
    private readonly ConcurrentDictionary<string, Lazy<string>> enqueued = new();

    /// <summary>The file at <paramref name="path"/>, computed by <paramref name="compute"/> (a method of <see cref="ArtifactJob"/>) when missing.</summary>
    public Task<byte[]> GetAsync(string path, Expression<Func<ArtifactJob, Task>> compute, CancellationToken cancellationToken) =>
        GetAsync<ArtifactJob>(path, compute, cancellationToken);

    /// <summary>The file at <paramref name="path"/>, computed by <paramref name="compute"/> (a job method that writes it,
    /// or its reason at <see cref="ErrorPathOf"/>) when missing.</summary>
    public async Task<byte[]> GetAsync<TJob>(string path, Expression<Func<TJob, Task>> compute, CancellationToken cancellationToken)
    {
        if (store.Exists(path))
        {
            return await store.ReadAsync(path, cancellationToken);
        }
        var errorPath = ErrorPathOf(path);
        if (store.Exists(errorPath))
        {
            File.Delete(store.Resolve(errorPath)); // an earlier failure is tried again
        }
        _ = enqueued.GetOrAdd(path, _ => new Lazy<string>(() => jobs.Enqueue(compute))).Value;
        try
        {
            var deadline = time.GetUtcNow() + Timeout;
            while (true)
            {
                if (store.Exists(path))
                {
                    return await store.ReadAsync(path, cancellationToken);
                }
                if (store.Exists(errorPath))
                {
                    throw new ArtifactComputationException(System.Text.Encoding.UTF8.GetString(await store.ReadAsync(errorPath, cancellationToken)));
                }
                if (time.GetUtcNow() > deadline)
                {
                    throw new ArtifactComputationException($"No worker answered within {Timeout.TotalMinutes:F0} minutes; see /api/health for the live workers.");
                }
                await Task.Delay(PollInterval, time, cancellationToken);
            }
        }
        finally
        {
            enqueued.TryRemove(path, out _);
        }
    }

    /// <summary>Where a failed computation leaves its reason.</summary>
    public static string ErrorPathOf(string path) => path + ".error";
}
