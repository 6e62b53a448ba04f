using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Compute;

namespace XaiLab.Tests.Web.Compute;

/// <summary>
/// A remote worker that stops beating while it holds jobs: the running web node records its death without a restart,
/// once however many look, resumes what may resume and fails what killed its worker too often.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class SilentWorkersTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task SilentRemoteWorker_IsRecordedOnce_ItsJobsResumeOrFail()
    {
        using var client = factory.CreateClient();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        var now = DateTimeOffset.UtcNow;
        int resumable, exhausted;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // Two requests of runs that no longer exist: queued again, the job itself reports that.
            var first = new AttributionRequest { RunIds = [9001], Methods = ["vanilla-gradient"], SliceIds = [1], Status = AttributionRequestStatus.Running, Total = 1, CreatedAt = now };
            var second = new AttributionRequest { RunIds = [9002], Methods = ["vanilla-gradient"], SliceIds = [1], Status = AttributionRequestStatus.Running, Total = 1, CreatedAt = now };
            db.AttributionRequests.AddRange(first, second);
            await db.SaveChangesAsync();
            (resumable, exhausted) = (first.Id, second.Id);
            db.ComputeNodes.Add(new ComputeNode
            {
                Name = "gpu-box:1:worker", Machine = "gpu-box", ProcessId = 1, Device = "cuda", StartedAt = now.AddMinutes(-10),
                HeartbeatAt = now.AddMinutes(-2),
            });
            db.JobExecutions.AddRange(
                new JobExecution { Kind = JobKinds.Attribution, EntityId = resumable, Node = "gpu-box:1:worker", Active = true, Stage = "explaining slice 1 with xrai", UpdatedAt = now },
                new JobExecution { Kind = JobKinds.Attribution, EntityId = exhausted, Node = "gpu-box:1:worker", Active = true, Stage = "explaining slice 1 with xrai", Crashes = 2, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var silent = factory.Services.GetRequiredService<SilentWorkers>();
        var found = await Task.WhenAll(silent.RecordAsync(atStartup: false, CancellationToken.None), silent.RecordAsync(atStartup: false, CancellationToken.None));

        Assert.Contains(1, found);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var executions = await db.JobExecutions.AsNoTracking().Where(e => e.Node == "gpu-box:1:worker").OrderBy(e => e.EntityId).ToListAsync();
            Assert.Equal([1, 3], executions.Select(e => e.Crashes));
            Assert.All(executions, e => Assert.False(e.Active));
            Assert.All(executions, e => Assert.Equal(
                "The worker process gpu-box:1:worker stopped without ending its job (the process or the machine died) during explaining slice 1 with xrai.", e.LastCrash));
        }
        var failed = await ReadAsync(contexts, exhausted);
        Assert.Equal(AttributionRequestStatus.Failed, failed.Status);
        Assert.Contains("more than Jobs:MaxWorkerCrashes (2)", failed.Error);
        // The other was queued again and ran on this node's job server: its run is gone, which it says.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        AttributionRequest resumed;
        while ((resumed = await ReadAsync(contexts, resumable)).Status == AttributionRequestStatus.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(AttributionRequestStatus.Failed, resumed.Status);
        Assert.Equal("Run 9001 no longer exists.", resumed.Error);
        // A worker that beats is left alone.
        Assert.Equal(0, await silent.RecordAsync(atStartup: false, CancellationToken.None));
    }

    private static async Task<AttributionRequest> ReadAsync(IDbContextFactory<XaiLabDbContext> contexts, int id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AttributionRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public void Dispose() => factory.Dispose();
}
