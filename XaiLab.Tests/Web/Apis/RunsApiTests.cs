using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis;

/// <summary>POST /api/runs with presets and sweeps, filters, per-class metrics, predictions, cancel and retry, through the real host.</summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class RunsApiTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Sweep_WithPaperPreset_StoresConfigMetricsAndPredictions()
    {
        using var client = factory.CreateClient();
        var datasetId = await DemoDatasetAsync(client);

        var launched = await client.PostAsJsonAsync("/api/runs", new
        {
            datasetId, preset = "paper", epochs = 2, imageSize = 64, batchSize = 16, architectures = new[] { "smallcnn" },
            seeds = new[] { 1, 2 }, tags = new[] { "Sweep-A" },
        });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var created = await launched.Content.ReadFromJsonAsync<JsonElement>();
        var ids = created.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal(ids[0], created.GetProperty("id").GetInt32());

        foreach (var id in ids)
        {
            var run = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{id}", Finished, RunTimeout);
            Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
            var config = run.GetProperty("config");
            Assert.Equal(("paper", "sgd", "time-decay", "flatten", 0.9395),
                (config.GetProperty("preset").GetString(), config.GetProperty("optimizer").GetString(),
                    config.GetProperty("schedule").GetString(), config.GetProperty("head").GetString(), config.GetProperty("momentum").GetDouble()));
            var perClass = run.GetProperty("perClass").EnumerateArray().ToList();
            Assert.Equal(["meningioma", "glioma", "pituitary"], perClass.Select(c => c.GetProperty("name").GetString()));
            Assert.Equal(run.GetProperty("metrics").GetProperty("macroF1").GetDouble(), run.GetProperty("macroF1").GetDouble(), 9);
            Assert.Equal(perClass.Average(c => c.GetProperty("f1").GetDouble()), run.GetProperty("macroF1").GetDouble(), 9);
            Assert.Equal(3, run.GetProperty("auc").GetProperty("perClass").EnumerateObject().Count());
            Assert.InRange(run.GetProperty("auc").GetProperty("macro").GetDouble(), 0, 1);
            Assert.Equal(["sweep-a"], run.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            var environment = run.GetProperty("environment");
            Assert.Equal(config.GetProperty("seed").GetInt32(), environment.GetProperty("seed").GetInt32());
            Assert.StartsWith("0.", environment.GetProperty("torchSharp").GetString());
            Assert.Equal(40, environment.GetProperty("gitCommit").GetString()!.Length);
            Assert.False(string.IsNullOrEmpty(environment.GetProperty("datasetVersion").GetString()));

            var epochs = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/epochs");
            var rates = epochs.EnumerateArray().Select(e => e.GetProperty("learningRate").GetDouble()).ToArray();
            Assert.Equal(1e-3, rates[0], 12);
            Assert.True(rates[1] < rates[0], "time-based decay lowers the rate");

            var predictions = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/predictions");
            var supports = perClass.Sum(c => c.GetProperty("support").GetInt32());
            Assert.Equal(supports, predictions.GetArrayLength());
            var first = predictions[0];
            Assert.Contains(first.GetProperty("label").GetString(), new[] { "meningioma", "glioma", "pituitary" });
            Assert.Equal(1.0, first.GetProperty("probabilities").EnumerateArray().Sum(p => p.GetDouble()), 4);
        }
        var firstPredictions = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{ids[0]}/predictions");
        var secondPredictions = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{ids[1]}/predictions");
        var disagreements = firstPredictions.EnumerateArray().Zip(secondPredictions.EnumerateArray())
            .Where(p => p.First.GetProperty("predicted").GetString() != p.Second.GetProperty("predicted").GetString())
            .Select(p => p.First.GetProperty("sliceId").GetInt32()).ToArray();
        var comparison = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{ids[0]}/compare/{ids[1]}");
        Assert.Equal(firstPredictions.GetArrayLength(), comparison.GetProperty("samples").GetInt32());
        Assert.Equal(disagreements, comparison.GetProperty("disagreementSliceIds").EnumerateArray().Select(i => i.GetInt32()));
        Assert.InRange(comparison.GetProperty("mcNemarExactP").GetDouble(), 0, 1);
        Assert.InRange(comparison.GetProperty("accuracyDifference").GetDouble(),
            comparison.GetProperty("differenceLower").GetDouble(), comparison.GetProperty("differenceUpper").GetDouble());

        // Table 3 and the run tables as downloads.
        var table3 = await client.GetFromJsonAsync<JsonElement>($"/api/runs/summary?ids={ids[0]},{ids[1]}");
        var row = table3.EnumerateArray().Single();
        Assert.Equal(("smallcnn", 2), (row.GetProperty("architecture").GetString(), row.GetProperty("runs").GetInt32()));
        var accuracies = new List<double>();
        foreach (var id in ids)
        {
            accuracies.Add((await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}")).GetProperty("metrics").GetProperty("accuracy").GetDouble());
        }
        Assert.Equal(accuracies.Average(), row.GetProperty("accuracyMean").GetDouble(), 9);
        var table3Csv = (await client.GetStringAsync($"/api/runs/summary.csv?ids={ids[0]},{ids[1]}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("architecture,datasetId,runs,accuracyMean,accuracySd,macroF1Mean,macroF1Sd,trainSecondsMean", table3Csv[0]);
        Assert.StartsWith($"smallcnn,{datasetId},2,", table3Csv[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/runs/summary?ids=x")).StatusCode);
        var confusion = (await client.GetStringAsync($"/api/runs/{ids[0]}/confusion.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, confusion.Length);
        Assert.Equal(firstPredictions.GetArrayLength(), confusion.Skip(1).Sum(line => line.Split(',').Skip(1).Sum(int.Parse)));
        var predictionsCsv = (await client.GetStringAsync($"/api/runs/{ids[0]}/predictions.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sliceId,label,predicted,p_meningioma,p_glioma,p_pituitary", predictionsCsv[0]);
        Assert.Equal(firstPredictions.GetArrayLength() + 1, predictionsCsv.Length);
        Assert.Equal(3, (await client.GetStringAsync($"/api/runs/{ids[0]}/epochs.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(4, (await client.GetStringAsync($"/api/runs/{ids[0]}/per-class.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/runs/99999/confusion.csv")).StatusCode);

        // The trained weights as a state dict that PyTorch (and XaiLab) load: the paper preset's flatten head, seed 1.
        var weights = await client.GetAsync($"/api/runs/{ids[0]}/weights.safetensors");
        Assert.Equal(HttpStatusCode.OK, weights.StatusCode);
        Assert.Equal($"run-{ids[0]}-smallcnn.safetensors", weights.Content.Headers.ContentDisposition?.FileNameStar ?? weights.Content.Headers.ContentDisposition?.FileName);
        var weightsPath = Path.Combine(Path.GetTempPath(), $"xailab-run-{Guid.NewGuid():N}.safetensors");
        try
        {
            await File.WriteAllBytesAsync(weightsPath, await weights.Content.ReadAsByteArrayAsync());
            var spec = new ModelSpec(Architecture.SmallCnn, 1, 3, 64, HeadKind.Flatten);
            TorchSharp.torch.manual_seed(1);
            using var initial = ModelFactory.Create(spec);
            using var trained = ModelFactory.Create(spec);
            var report = StateDictExchange.Import(trained, weightsPath);
            Assert.True(report.IsExactMatch, report.Describe());
            Assert.Equal(trained.state_dict().Count, report.Loaded);
            // Trained, not the initial weights the run started from.
            Assert.Contains(trained.state_dict(), entry => !entry.Value.eq(initial.state_dict()[entry.Key]).all().item<bool>());
        }
        finally
        {
            File.Delete(weightsPath);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/runs/{ids[0]}/weights.pt?naming=xailab")).StatusCode);
        var noTorchvision = await client.GetAsync($"/api/runs/{ids[0]}/weights.pt?naming=torchvision");
        Assert.Equal(HttpStatusCode.BadRequest, noTorchvision.StatusCode);
        Assert.Contains("torchvision has no smallcnn", await noTorchvision.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/runs/{ids[0]}/weights.pt?naming=keras")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/runs/99999/weights.pt")).StatusCode);

        Assert.Equal(ids.Order(), (await ListAsync(client, "?tag=sweep-a")).Order());
        Assert.Equal(ids.Order(), (await ListAsync(client, $"?datasetId={datasetId}&architecture=smallcnn&status=succeeded&q=smallcnn")).Order());
        Assert.Empty(await ListAsync(client, "?tag=other"));
        Assert.Empty(await ListAsync(client, "?status=failed"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/runs?status=sleeping")).StatusCode);
    }

    [Fact]
    public async Task CancelThenRetry_ResumesWithEveryEpochOnce()
    {
        using var client = factory.CreateClient();
        var datasetId = await DemoDatasetAsync(client);
        var launched = await client.PostAsJsonAsync("/api/runs", new
        {
            datasetId, preset = "default", epochs = 12, imageSize = 64, batchSize = 16, earlyStoppingPatience = 100,
        });
        var id = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // Enough epochs that the cancel lands while training, even on an idle fast machine.
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{id}", r => r.GetProperty("completedEpochs").GetInt32() >= 1 || Finished(r),
            RunTimeout, interval: TimeSpan.FromMilliseconds(50));

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/runs/{id}/cancel", null)).StatusCode);
        var cancelled = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{id}", Finished, RunTimeout);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        var stored = cancelled.GetProperty("completedEpochs").GetInt32();
        Assert.InRange(stored, 1, 11);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(stored, (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/epochs")).GetArrayLength());

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/runs/{id}/retry", null)).StatusCode);
        var retried = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{id}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", RunTimeout);
        Assert.True(retried.GetProperty("status").GetString() == "succeeded", retried.ToString());
        Assert.Equal(2, retried.GetProperty("attempt").GetInt32());
        var epochs = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/epochs");
        Assert.Equal(Enumerable.Range(1, 12), epochs.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/runs/{id}/retry", null)).StatusCode);

        var patched = await client.PatchAsJsonAsync($"/api/runs/{id}", new { tags = new[] { "keep", " Best " }, notes = "resumed once" });
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        var run = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}");
        Assert.Equal(["keep", "best"], run.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("resumed once", run.GetProperty("notes").GetString());
        Assert.Equal([id], await ListAsync(client, "?q=resumed"));
    }

    [Fact]
    public async Task CreateRun_RejectsUnknownPresetWithAClearMessage()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/runs", new { datasetId = 1, preset = "turbo" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown preset 'turbo'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PretrainedBackbone_TrainsOnUnitRangeInputs()
    {
        using var client = factory.CreateClient();
        var datasetId = await DemoDatasetAsync(client);

        var launched = await client.PostAsJsonAsync("/api/runs", new
        {
            datasetId, architecture = "resnet18-imagenet", epochs = 1, imageSize = 32, batchSize = 16, seed = 1,
        });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var id = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var run = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{id}", Finished, RunTimeout);

        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.Equal("resnet18-imagenet", run.GetProperty("architecture").GetString());
        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        var stored = await db.Runs.SingleAsync(r => r.Id == id);
        // The backbone normalises inside (BGR 0-255 minus ImageNet's mean): the stored statistics are the identity.
        Assert.Equal((0.0, 1.0), (stored.NormalizationMean, stored.NormalizationStd));
    }

    private static bool Finished(JsonElement run) => run.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled";

    private static async Task<int[]> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/runs" + query)).EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToArray();

    private static async Task<int> DemoDatasetAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 3 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(1));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        return id;
    }

    public void Dispose() => factory.Dispose();
}
