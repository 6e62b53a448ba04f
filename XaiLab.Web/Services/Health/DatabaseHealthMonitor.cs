using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;

namespace XaiLab.Web.Services.Health;

/// <summary>
/// Checks every few seconds whether the database answers, and tells the UI (the banner in the layout) and /api/health
/// when it stops and starts answering. Jobs do not depend on it: their commands retry on their own while it is away.
/// </summary>
public sealed class DatabaseHealthMonitor(
    IDbContextFactory<XaiLabDbContext> contexts,
    IOptions<DatabaseHealthOptions> options,
    TimeProvider time,
    ILogger<DatabaseHealthMonitor> logger) : BackgroundService
{
    private volatile DatabaseHealth current = new(true, null, null);

    /// <summary>The latest result; reachable until a check says otherwise.</summary>
    public DatabaseHealth Current => current;

    /// <summary>Raised when the database becomes unreachable or reachable again.</summary>
    public event Action<DatabaseHealth>? Changed;

    /// <summary>Checks once now and records the result.</summary>
    public async Task<DatabaseHealth> CheckAsync(CancellationToken cancellationToken)
    {
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            // A real round trip: CanConnect alone may be answered from an idle pooled connection.
            await db.Teams.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            error = e.GetBaseException().Message;
        }
        Record(error);
        return current;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        do
        {
            await CheckAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Record(string? error)
    {
        var previous = current;
        var available = error is null;
        if (available == previous.Available)
        {
            if (!available)
            {
                current = previous with { Error = error };
            }
            return;
        }
        current = available ? new DatabaseHealth(true, null, null) : new DatabaseHealth(false, time.GetUtcNow(), error);
        if (available)
        {
            logger.LogWarning("The database answers again after an outage since {Since}", previous.UnavailableSince);
        }
        else
        {
            logger.LogError("The database does not answer: {Error}", error);
        }
        Changed?.Invoke(current);
    }
}
