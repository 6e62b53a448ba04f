using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Compute;

/// <summary>
/// The process model on real processes: XaiLab.Web as its own OS process, supervising one local worker process (the
/// same program with --role worker). The web process never loads libtorch; a worker that dies by a real signal (the
/// test-only fault switch, Testing:KillWorker) costs its job only the time to resume; a job that kills its worker every
/// time ends failed with the signal and the stage as its reason, and other jobs still run.
/// </summary>
public sealed class WorkerProcessTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("xailab-workers-").FullName;

    [Fact]
    public async Task WebProcess_LoadsNoLibtorch_WhileItsWorkerTrainsResNet50_Explains_DescribesModels_AndExportsWeights()
    {
        using var app = await WebAppProcess.StartAsync(dataDirectory);
        var datasetId = await DemoDatasetAsync(app.Client, slices: 120);
        var runId = await LaunchAsync(app.Client, datasetId, "resnet50", epochs: 1);
        var run = await FinishedAsync(app.Client, runId);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.Contains(":worker-1.", run.GetProperty("executedBy").GetString());
        Assert.Equal("resnet50", run.GetProperty("architecture").GetString());

        var sliceId = (await app.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/predictions"))[0].GetProperty("sliceId").GetInt32();
        var requested = await app.Client.PostAsJsonAsync("/api/attributions",
            new { runIds = new[] { runId }, sliceIds = new[] { sliceId }, methods = new[] { "vanilla-gradient" } });
        Assert.True(requested.IsSuccessStatusCode, await requested.Content.ReadAsStringAsync());
        var requestId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(app.Client, $"/api/attributions/{requestId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(2));

        var models = await app.Client.GetFromJsonAsync<JsonElement>("/api/models?size=32");
        Assert.Contains(models.EnumerateArray(), m => m.GetProperty("architecture").GetString() == "resnet50" && m.GetProperty("parameters").GetInt64() > 20_000_000);
        var weights = await app.Client.GetAsync($"/api/runs/{runId}/weights.safetensors");
        Assert.Equal(HttpStatusCode.OK, weights.StatusCode);
        Assert.True((await weights.Content.ReadAsByteArrayAsync()).Length > 90_000_000, "ResNet-50's float32 weights");

        var health = await app.Client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("2.10.0", health.GetProperty("torch").GetString());
        Assert.False(string.IsNullOrEmpty(health.GetProperty("cpu").GetProperty("isa").GetString()));
        Assert.Single(health.GetProperty("workers").EnumerateArray());

        var maps = await File.ReadAllTextAsync($"/proc/{app.ProcessId}/maps");
        Assert.DoesNotContain("libtorch", maps);
        Assert.DoesNotContain("libLibTorchSharp", maps);
        var workerPid = health.GetProperty("workers")[0].GetProperty("processId").GetInt32();
        Assert.Contains("libtorch_cpu.so", await File.ReadAllTextAsync($"/proc/{workerPid}/maps"));
    }

    [Fact]
    public async Task WorkerKilledMidEpoch_RunResumesOnAFreshWorker_WhileTheWebKeepsAnswering()
    {
        using var app = await WebAppProcess.StartAsync(dataDirectory, new Dictionary<string, string>
        {
            ["Testing__KillWorker__Kind"] = "run",
            ["Testing__KillWorker__Stage"] = "training epoch 2, batch",
            ["Testing__KillWorker__Signal"] = "9",
            ["Testing__KillWorker__Times"] = "1",
        });
        var webPid = app.ProcessId;
        var firstWorker = await WorkerPidAsync(app.Client);
        var datasetId = await DemoDatasetAsync(app.Client, slices: 120);
        var runId = await LaunchAsync(app.Client, datasetId, "smallcnn", epochs: 3);

        // The web answers throughout, including while its worker is dead and being replaced.
        var healthFailures = 0;
        var watch = Stopwatch.StartNew();
        JsonElement run;
        while (true)
        {
            if ((await app.Client.GetAsync("/api/health")).StatusCode != HttpStatusCode.OK) healthFailures++;
            run = await app.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            if (run.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled") break;
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(4), run.ToString());
            await Task.Delay(200);
        }
        Assert.Equal(0, healthFailures);
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString() + app.Output[^Math.Min(4000, app.Output.Length)..]);
        Assert.Equal(1, run.GetProperty("workerCrashes").GetInt32());
        var crash = run.GetProperty("lastWorkerCrash").GetString()!;
        Assert.Contains("SIGKILL (signal 9)", crash);
        Assert.Contains("during training epoch 2, batch ", crash);
        var epochs = await app.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/epochs");
        Assert.Equal([1, 2, 3], epochs.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.NotEqual(firstWorker, await WorkerPidAsync(app.Client));
        Assert.Equal(webPid, app.ProcessId);
        Assert.False(Process.GetProcessById(webPid).HasExited);
    }

    [Fact]
    public async Task JobThatKillsItsWorkerEveryTime_EndsFailedWithTheSignalAndStage_AndOtherJobsStillRun()
    {
        using var app = await WebAppProcess.StartAsync(dataDirectory, new Dictionary<string, string>
        {
            ["Testing__KillWorker__Kind"] = "run",
            ["Testing__KillWorker__EntityId"] = "1",
            ["Testing__KillWorker__Stage"] = "training epoch 1, batch 1",
            ["Testing__KillWorker__Signal"] = "6",
            ["Testing__KillWorker__Times"] = "0",
            ["Jobs__MaxWorkerCrashes"] = "1",
        });
        var datasetId = await DemoDatasetAsync(app.Client, slices: 120);
        var doomed = await LaunchAsync(app.Client, datasetId, "smallcnn", epochs: 1);
        Assert.Equal(1, doomed);
        var healthy = await LaunchAsync(app.Client, datasetId, "smallcnn", epochs: 1);

        var failed = await FinishedAsync(app.Client, doomed);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var error = failed.GetProperty("error").GetString()!;
        Assert.Contains("SIGABRT (signal 6)", error);
        Assert.Contains("during training epoch 1, batch 1", error);
        Assert.Contains("2 times, more than Jobs:MaxWorkerCrashes (1)", error);
        Assert.Equal(2, failed.GetProperty("workerCrashes").GetInt32());

        var other = await FinishedAsync(app.Client, healthy);
        Assert.True(other.GetProperty("status").GetString() == "succeeded", other.ToString());
        Assert.Equal(0, other.GetProperty("workerCrashes").GetInt32());

        // Not a crash loop: a restart leaves the failed run failed and queues nothing for it.
        app.KillHard();
        using var again = await WebAppProcess.StartAsync(dataDirectory);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("failed", (await again.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{doomed}")).GetProperty("status").GetString());
    }

    private static async Task<int> DemoDatasetAsync(HttpClient client, int slices)
    {
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices, size = 64, seed = 3 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}",
            d => d.GetProperty("status").GetString() is "ready" or "failed", TimeSpan.FromMinutes(2));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        return id;
    }

    private static async Task<int> LaunchAsync(HttpClient client, int datasetId, string architecture, int epochs)
    {
        var launched = await client.PostAsJsonAsync("/api/runs", new { datasetId, architecture, epochs, imageSize = 64, batchSize = 8, seed = 1 });
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        return (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static Task<JsonElement> FinishedAsync(HttpClient client, int runId) =>
        ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(5));

    private static async Task<int> WorkerPidAsync(HttpClient client)
    {
        var health = await ApiPolling.UntilAsync<JsonElement>(client, "/api/health",
            h => h.GetProperty("workers").GetArrayLength() == 1, TimeSpan.FromMinutes(1));
        return health.GetProperty("workers")[0].GetProperty("processId").GetInt32();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment.
        }
    }
}
