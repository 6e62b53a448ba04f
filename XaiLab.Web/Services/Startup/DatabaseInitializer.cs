using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Services.Startup;

/// <summary>
/// Runs once at start, before the job servers: applies migrations, puts runs that a dead process left "running" back in
/// the queue (they resume from their last checkpoint), restarts or rolls back imports a dead process left "importing"
/// (see <see cref="InterruptedImports"/>), and seeds the demo dataset into an empty database.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DemoDatasetOptions> demo,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets pages read while a job writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await RequeueInterruptedRunsAsync(scope.ServiceProvider, contexts, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<InterruptedImports>().RecoverAsync(cancellationToken);

        if (demo.Value.SeedOnStart)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Datasets.AnyAsync(cancellationToken))
            {
                var datasets = scope.ServiceProvider.GetRequiredService<DatasetService>();
                var id = await datasets.CreateDemoAsync(
                    new CreateDemoDatasetRequest(demo.Value.Slices, demo.Value.Size, demo.Value.Seed, "Demo phantoms"), cancellationToken);
                logger.LogInformation("Seeding demo dataset {DatasetId}", id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RequeueInterruptedRunsAsync(IServiceProvider provider, IDbContextFactory<XaiLabDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var interrupted = await db.Runs.Where(r => r.Status == RunStatus.Running).ToListAsync(cancellationToken);
        if (interrupted.Count == 0)
        {
            return;
        }
        var runs = provider.GetRequiredService<RunService>();
        foreach (var run in interrupted)
        {
            // The job waits for a stale lease to expire, so a copy still alive elsewhere is never doubled.
            run.HangfireJobId = runs.Enqueue(run.Id, run.Device);
            logger.LogWarning("Run {RunId} was interrupted after epoch {Epoch}; queued to resume", run.Id, run.CompletedEpochs);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
