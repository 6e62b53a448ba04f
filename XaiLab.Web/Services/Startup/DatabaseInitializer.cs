using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Nodes;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Services.Startup;

/// <summary>
/// Runs once at start, before the job servers: applies migrations (every node may; EF Core serialises concurrent
/// migrators with a lock), creates the roles and the first administrator, puts runs that a dead process left "running"
/// with no live lease back in the queue (they resume from their last checkpoint), restarts or rolls back imports a dead
/// process left "importing" (see <see cref="InterruptedImports"/>), queues the built-in saliency maps of runs that have
/// none (<see cref="SaliencyBackfill"/>), and, on a web node, seeds the demo dataset into an empty database.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<DemoDatasetOptions> demo,
    NodeOptions node,
    IOptions<DatabaseOptions> database,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // SQLite's pragmas (WAL, foreign keys, busy timeout) are set on every connection by SqlitePragmas.
            await db.Database.MigrateAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(cancellationToken);

        if (node.Role != NodeRole.Web)
        {
            // Recovery is the web node's: a worker (re)starting must not queue the jobs its siblings are running.
            return;
        }
        await scope.ServiceProvider.GetRequiredService<SilentWorkers>().RecordAsync(atStartup: true, cancellationToken);
        await RequeueInterruptedRunsAsync(scope.ServiceProvider, contexts, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<InterruptedImports>().RecoverAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SaliencyBackfill>().RunAsync(cancellationToken);

        if (demo.Value.SeedOnStart && node.Role == NodeRole.Web)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Datasets.AnyAsync(cancellationToken))
            {
                var datasets = scope.ServiceProvider.GetRequiredService<DatasetService>();
                var id = await datasets.CreateDemoInTeamAsync(
                    new CreateDemoDatasetRequest(demo.Value.Slices, demo.Value.Size, demo.Value.Seed, "Demo phantoms"), Team.DefaultTeamId, cancellationToken);
                logger.LogInformation("Seeding demo dataset {DatasetId}", id);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RequeueInterruptedRunsAsync(IServiceProvider provider, IDbContextFactory<XaiLabDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQLite means one node: every "running" run belonged to this node's dead predecessor (its job waits for the
        // lease to run out). On PostgreSQL a run with a live lease is executing on another node right now; a dead
        // node's job is handed on by Hangfire.PostgreSql's sliding invisibility timeout, so only free leases are requeued.
        var now = time.GetUtcNow();
        var sharedDatabase = database.Value.Provider == DatabaseProvider.Postgres;
        var interrupted = await db.Runs
            .Where(r => r.Status == RunStatus.Running && (!sharedDatabase || r.LeaseOwner == null || r.LeaseExpiresAt < now))
            .ToListAsync(cancellationToken);
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
