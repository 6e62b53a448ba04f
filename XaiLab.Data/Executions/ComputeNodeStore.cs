using Microsoft.EntityFrameworkCore;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Executions;

/// <summary>Worker nodes announce themselves and beat; web nodes list the live ones.</summary>
public sealed class ComputeNodeStore(IDbContextFactory<XaiLabDbContext> contexts, TimeProvider time)
{
    /// <summary>Inserts or replaces the node's row, heartbeat now.</summary>
    public async Task AnnounceAsync(ComputeNode node, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        node.StartedAt = node.HeartbeatAt = time.GetUtcNow();
        await db.ComputeNodes.Where(n => n.Name == node.Name).ExecuteDeleteAsync(cancellationToken);
        db.ComputeNodes.Add(node);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task BeatAsync(string name, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ComputeNodes.Where(n => n.Name == name).ExecuteUpdateAsync(u => u.SetProperty(n => n.HeartbeatAt, now), cancellationToken);
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ComputeNodes.Where(n => n.Name == name).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Nodes whose heartbeat is at most <paramref name="within"/> old, newest first.</summary>
    public async Task<List<ComputeNode>> LiveAsync(TimeSpan within, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - within;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ComputeNodes.AsNoTracking().Where(n => n.HeartbeatAt >= cutoff).OrderByDescending(n => n.StartedAt).ToListAsync(cancellationToken);
    }
}
