using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Leases;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Data.Leases;

/// <summary>The lease's conditional updates on both providers (the same LINQ, translated by each).</summary>
public sealed class RunLeaseStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TryAcquire_SecondExecutorIsRefusedWhileTheLeaseLives(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (leases, runId) = Seed(database);
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        Assert.False(await leases.TryAcquireAsync(runId, "b", Lease));
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TryAcquire_ExpiredLeaseCanBeTakenAndTheOldOwnerCannotRenew(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (leases, runId) = Seed(database);
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await leases.TryAcquireAsync(runId, "b", Lease));
        Assert.False(await leases.RenewAsync(runId, "a", Lease));
        Assert.True(await leases.RenewAsync(runId, "b", Lease));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Renew_KeepsTheLeaseAlivePastItsFirstExpiry(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (leases, runId) = Seed(database);
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        clock.Advance(Lease / 2);
        Assert.True(await leases.RenewAsync(runId, "a", Lease));
        clock.Advance(Lease * 0.75);
        Assert.False(await leases.TryAcquireAsync(runId, "b", Lease));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Release_FreesTheRunForTheNextExecutor(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (leases, runId) = Seed(database);
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        await leases.ReleaseAsync(runId, "b");
        Assert.False(await leases.TryAcquireAsync(runId, "b", Lease));
        await leases.ReleaseAsync(runId, "a");
        Assert.True(await leases.TryAcquireAsync(runId, "b", Lease));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TryAcquire_ManyExecutorsRacingForAFreeRun_ExactlyOneWins(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var (leases, runId) = Seed(database);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => leases.TryAcquireAsync(runId, $"executor-{i}", Lease))));
        Assert.Equal(1, attempts.Count(won => won));
    }

    private (RunLeaseStore Leases, int RunId) Seed(TestDatabase database)
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", Status = DatasetStatus.Ready };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var run = new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu" };
        db.Runs.Add(run);
        db.SaveChanges();
        return (new RunLeaseStore(database.Factory, clock), run.Id);
    }
}
