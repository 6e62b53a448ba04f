using Microsoft.EntityFrameworkCore;

namespace XaiLab.Data.Leases;

/// <summary>
/// Exactly one executor per training run. Hangfire's SQLite storage starts a job again once it outlives its invisibility
/// timeout and has no sliding heartbeat, so a run carries its own lease in our database: an executor takes it with one
/// conditional UPDATE (free, expired, or already its own), renews it while it works and gives it back at the end.
/// </summary>
public sealed class RunLeaseStore(IDbContextFactory<XaiLabDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Takes the lease of a run for <paramref name="duration"/>; false when another live executor holds it.</summary>
    public async Task<bool> TryAcquireAsync(int runId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expires = now + duration;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Runs
            .Where(r => r.Id == runId && (r.LeaseOwner == null || r.LeaseOwner == owner || r.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseExpiresAt, expires),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>Extends a held lease; false when it was lost (expired and taken by someone else).</summary>
    public async Task<bool> RenewAsync(int runId, string owner, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var expires = time.GetUtcNow() + duration;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Runs
            .Where(r => r.Id == runId && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, expires), cancellationToken);
        return updated == 1;
    }

    public async Task ReleaseAsync(int runId, string owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Runs
            .Where(r => r.Id == runId && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken);
    }
}
