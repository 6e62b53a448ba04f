using XaiLab.Data.Entities;
using XaiLab.Data.Leases;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;

namespace XaiLab.Tests.Data.Leases;

public sealed class RunLeaseStoreTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly SqliteDatabase database = new();
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly RunLeaseStore leases;
    private readonly int runId;

    public RunLeaseStoreTests()
    {
        leases = new RunLeaseStore(database.Factory, clock);
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", Status = DatasetStatus.Ready };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var run = new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu" };
        db.Runs.Add(run);
        db.SaveChanges();
        runId = run.Id;
    }

    [Fact]
    public async Task TryAcquire_SecondExecutorIsRefusedWhileTheLeaseLives()
    {
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        Assert.False(await leases.TryAcquireAsync(runId, "b", Lease));
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
    }

    [Fact]
    public async Task TryAcquire_ExpiredLeaseCanBeTakenAndTheOldOwnerCannotRenew()
    {
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await leases.TryAcquireAsync(runId, "b", Lease));
        Assert.False(await leases.RenewAsync(runId, "a", Lease));
        Assert.True(await leases.RenewAsync(runId, "b", Lease));
    }

    [Fact]
    public async Task Renew_KeepsTheLeaseAlivePastItsFirstExpiry()
    {
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        clock.Advance(Lease / 2);
        Assert.True(await leases.RenewAsync(runId, "a", Lease));
        clock.Advance(Lease * 0.75);
        Assert.False(await leases.TryAcquireAsync(runId, "b", Lease));
    }

    [Fact]
    public async Task Release_FreesTheRunForTheNextExecutor()
    {
        Assert.True(await leases.TryAcquireAsync(runId, "a", Lease));
        await leases.ReleaseAsync(runId, "b");
        Assert.False(await leases.TryAcquireAsync(runId, "b", Lease));
        await leases.ReleaseAsync(runId, "a");
        Assert.True(await leases.TryAcquireAsync(runId, "b", Lease));
    }

    public void Dispose() => database.Dispose();
}
