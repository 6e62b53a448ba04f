using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Jobs;

/// <summary>
/// One web node and worker nodes as real processes on 127.0.0.1 over one PostgreSQL database and one artifact folder.
/// A sweep spreads over both workers; a worker killed with SIGKILL mid-training has its run resumed by the other one
/// (after its sliding invisibility timeout and lease run out), with every epoch stored once; a worker killed
/// mid-attribution has its request finished elsewhere with every map stored once.
/// </summary>
public sealed class MultiNodeTests : IDisposable
{
    private const int Epochs = 4;
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("xailab-nodes-").FullName;
    private readonly string connectionString = PostgresServer.CreateDatabase();
    private readonly List<WebAppProcess> nodes = [];

    [Fact]
    public async Task SweepSpreadsOverTwoWorkers_AndKilledWorkersWorkIsFinishedElsewhereOnce()
    {
        var web = await StartAsync("web", "Web", "none");
        var workers = await Task.WhenAll(StartAsync("worker-a", "Worker", "cpu,default"), StartAsync("worker-b", "Worker", "cpu,default"));
        var health = await web.Client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("web", health.GetProperty("role").GetString());
        Assert.Equal("worker", (await workers[0].Client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("role").GetString());
        Assert.False((await workers[0].Client.GetAsync("/api/runs")).IsSuccessStatusCode, "a worker serves no API but health");

        var created = await web.Client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 4 });
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(web.Client, $"/api/datasets/{datasetId}",
            d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(2));
        var launched = await web.Client.PostAsJsonAsync("/api/runs", new
        {
            datasetId, architectures = new[] { "smallcnn" }, seeds = new[] { 1, 2, 3 }, epochs = Epochs, imageSize = 64, batchSize = 8,
        });
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        var runIds = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToList();

        // Both workers train at once: each has one training worker and there are three runs.
        var running = await ApiPolling.UntilAsync<JsonElement>(web.Client, $"/api/runs?datasetId={datasetId}",
            list => Executors(list, "running").Count == 2, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(200));
        Assert.Equal(["worker-a", "worker-b"], Executors(running, "running").Order());

        // kill -9 worker-a once its run has a stored epoch and more to go.
        var victim = await ApiPolling.UntilAsync<JsonElement>(web.Client, $"/api/runs?datasetId={datasetId}",
            list => list.EnumerateArray().Any(r => IsRunningOn(r, "worker-a") && r.GetProperty("completedEpochs").GetInt32() is >= 1 and < Epochs - 1),
            TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));
        var killedRunId = victim.EnumerateArray().First(r => IsRunningOn(r, "worker-a")).GetProperty("id").GetInt32();
        workers[0].KillHard();
        var completedAtKill = ReadRun(killedRunId).CompletedEpochs;

        foreach (var runId in runIds)
        {
            var run = await ApiPolling.UntilAsync<JsonElement>(web.Client, $"/api/runs/{runId}",
                r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(6));
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
            var epochs = await web.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/epochs");
            Assert.Equal(Enumerable.Range(1, Epochs), epochs.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        }
        var resumed = ReadRun(killedRunId);
        Assert.Equal("worker-b", resumed.ExecutedBy);
        Assert.Contains($"Resuming after epoch {completedAtKill} on worker-b", resumed.LogTail);
        Assert.Null(resumed.LeaseOwner);

        // Mid-attribution: a third worker joins; whichever worker holds the request is killed once it has stored a map.
        var workerC = await StartAsync("worker-c", "Worker", "cpu,default");
        var posted = await web.Client.PostAsJsonAsync("/api/attributions", new
        {
            runIds, methods = new[] { "integrated-gradients", "occlusion" }, parameters = new { steps = 32 },
        });
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        var requestId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var midway = await ApiPolling.UntilAsync<JsonElement>(web.Client, $"/api/attributions/{requestId}",
            r => r.GetProperty("status").GetString() == "running" && r.GetProperty("done").GetInt32() >= 1, TimeSpan.FromMinutes(3),
            TimeSpan.FromMilliseconds(100));
        Assert.True(midway.GetProperty("done").GetInt32() < midway.GetProperty("total").GetInt32(), midway.ToString());
        var holder = midway.GetProperty("executedBy").GetString();
        var survivor = holder == "worker-b" ? "worker-c" : "worker-b";
        (holder == "worker-b" ? workers[1] : workerC).KillHard();

        var done = await ApiPolling.UntilAsync<JsonElement>(web.Client, $"/api/attributions/{requestId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(5));
        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(survivor, done.GetProperty("executedBy").GetString());
        var total = done.GetProperty("total").GetInt32();
        var maps = done.GetProperty("maps").EnumerateArray()
            .Select(m => (m.GetProperty("runId").GetInt32(), m.GetProperty("method").GetString(), m.GetProperty("sliceId").GetInt32())).ToList();
        Assert.Equal(total, maps.Count);
        Assert.Equal(total, maps.Distinct().Count());
        using var db = Context();
        // Every stored map belongs to this request or to a run's built-in saliency step, and none is stored twice.
        var requestMaps = done.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("url").GetString()).Distinct().Count();
        var trainingMaps = db.AttributionRequests.AsNoTracking().Where(r => r.TrainingRunId != null).AsEnumerable().SelectMany(r => r.MapIds).ToHashSet();
        var requestMapIds = db.AttributionRequests.AsNoTracking().Single(r => r.Id == requestId).MapIds.ToHashSet();
        Assert.Equal(total, requestMaps);
        Assert.Equal(trainingMaps.Union(requestMapIds).Count(), db.StoredAttributions.Count());
    }

    private static List<string> Executors(JsonElement runs, string status) =>
        runs.EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == status && r.GetProperty("executedBy").ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("executedBy").GetString()!)
            .Distinct()
            .ToList();

    private static bool IsRunningOn(JsonElement run, string node) =>
        run.GetProperty("status").GetString() == "running" && run.GetProperty("executedBy").ValueKind == JsonValueKind.String
        && run.GetProperty("executedBy").GetString() == node;

    private async Task<WebAppProcess> StartAsync(string name, string role, string queues)
    {
        var node = await WebAppProcess.StartAsync(dataDirectory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = connectionString,
            ["Node__Name"] = name,
            ["Node__Role"] = role,
            // The nodes here are started by hand: the web node supervises no local worker of its own.
            ["XaiLab__Compute__LocalWorkers"] = "0",
            ["Jobs__Queues"] = queues,
            ["Jobs__TrainingWorkers"] = "1",
            ["Jobs__DefaultWorkers"] = "1",
            ["Jobs__RunLeaseSeconds"] = "4",
            ["Jobs__SlidingInvisibilityTimeoutSeconds"] = "6",
            // Two trainers share the build machine's cores.
            ["OMP_NUM_THREADS"] = "1",
        });
        lock (nodes)
        {
            nodes.Add(node);
        }
        return node;
    }

    private XaiLabDbContext Context() =>
        new(new DbContextOptionsBuilder<XaiLabDbContext>().UseNpgsql(connectionString).Options);

    private XaiLab.Data.Entities.TrainingRun ReadRun(int runId)
    {
        using var db = Context();
        return db.Runs.AsNoTracking().Single(r => r.Id == runId);
    }

    public void Dispose()
    {
        foreach (var node in nodes)
        {
            node.Dispose();
        }
        PostgresServer.DropDatabase(connectionString);
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
