namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// In-process locks by cache key, so two jobs asking for the same map compute it once: the second waits, then finds the
/// first's row. Striped (a fixed set of semaphores) so no per-key state piles up; two keys sharing a stripe only wait
/// for each other. Across processes the unique cache-key index is the guard.
/// </summary>
public sealed class AttributionLocks
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string cacheKey, CancellationToken cancellationToken)
    {
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(cacheKey) % Stripes)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
