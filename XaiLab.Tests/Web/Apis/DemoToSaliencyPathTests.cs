using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Jobs.Training;

namespace XaiLab.Tests.Web.Apis;

/// <summary>The whole path through the public API of the real host: demo dataset, training, saliency maps.</summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class DemoToSaliencyPathTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Health_ReportsLibTorchAndDevice()
    {
        using var client = factory.CreateClient();
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.StartsWith("2.", health.GetProperty("torch").GetString());
        Assert.Contains(health.GetProperty("device").GetString(), new[] { "cpu", "cuda" });
    }

    [Fact]
    public async Task DemoDataset_TrainRun_EvaluatesAndExplains()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 3 });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var dataset = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{datasetId}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(1));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal(120, dataset.GetProperty("sliceCount").GetInt32());
        Assert.True(dataset.GetProperty("withMasks").GetBoolean());
        Assert.Equal(3, dataset.GetProperty("classes").GetArrayLength());

        var launched = await client.PostAsJsonAsync("/api/runs", new
        {
            datasetId, architecture = "smallcnn", epochs = 3, imageSize = 64, batchSize = 16, learningRate = 0.002, seed = 1,
        });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var run = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.Equal(1.0, run.GetProperty("progress").GetDouble(), 6);
        var accuracy = run.GetProperty("metrics").GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0, 1);
        var matrix = run.GetProperty("confusionMatrix");
        Assert.Equal(["meningioma", "glioma", "pituitary"], matrix.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var counts = matrix.GetProperty("counts").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var total = counts.Sum(row => row.Sum());
        Assert.True(total > 0);
        Assert.Equal(accuracy, Enumerable.Range(0, counts.Length).Sum(i => counts[i][i]) / (double)total, 6);

        var epochs = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/epochs");
        Assert.Equal([1, 2, 3], epochs.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));

        var maps = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/saliency");
        Assert.Equal(6, maps.GetArrayLength());
        Assert.Equal(["integrated-gradients", "vanilla-gradient"],
            maps.EnumerateArray().Select(m => m.GetProperty("method").GetString()).Distinct().Order());
        var url = maps[0].GetProperty("url").GetString()!;
        var png = await client.GetByteArrayAsync(url);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        // A finished run cannot be cancelled or retried: 409 as problem details, like every other refusal.
        foreach (var action in new[] { "cancel", "retry" })
        {
            using var refused = await client.PostAsync($"/api/runs/{runId}/{action}", null);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(409, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }

        // The step is an ordinary attribution request: succeeded, its maps stored attributions, scored against the masks.
        var requestId = maps[0].GetProperty("requestId").GetInt32();
        var request = await client.GetFromJsonAsync<JsonElement>($"/api/attributions/{requestId}");
        Assert.Equal("succeeded", request.GetProperty("status").GetString());
        Assert.Equal(6, request.GetProperty("total").GetInt32());
        var scores = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/saliency-scores");
        Assert.Contains("integrated-gradients", scores.ToString());

        // The address scripts knew redirects to the stored map.
        using var noRedirects = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var legacy = await noRedirects.GetAsync($"/api/saliency/{maps[0].GetProperty("id").GetInt32()}/overlay.png");
        Assert.Equal(HttpStatusCode.PermanentRedirect, legacy.StatusCode);
        Assert.Equal(url, legacy.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await noRedirects.GetAsync("/api/saliency/999999/overlay.png")).StatusCode);

        // The execution's last report is the final status, not a late progress report of the explaining step.
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
            var execution = await db.JobExecutions.AsNoTracking().SingleAsync(e => e.Kind == XaiLab.Data.Executions.JobKinds.Run && e.EntityId == runId);
            Assert.Equal("succeeded", execution.Stage);
            Assert.False(execution.Active);
        }

        // A succeeded run without the step's request (trained before the step was one) gets it queued at start.
        using (var scope = factory.Services.CreateScope())
        {
            var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
            await using (var db = await contexts.CreateDbContextAsync())
            {
                await db.AttributionRequests.Where(r => r.TrainingRunId == runId).ExecuteDeleteAsync();
            }
            Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/saliency")).EnumerateArray());
            await scope.ServiceProvider.GetRequiredService<SaliencyBackfill>().RunAsync(CancellationToken.None);
        }
        var backfilled = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}/saliency",
            m => m.GetArrayLength() == 6, TimeSpan.FromMinutes(2));
        // Same model, slices and parameters: the maps come from the attribution cache, not a second computation.
        Assert.Equal(maps.EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).Order(),
            backfilled.EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).Order());
    }

    [Fact]
    public async Task CreateRun_RejectsUnknownArchitectureWithAClearMessage()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/runs", new { datasetId = 1, architecture = "alexnet" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Unknown architecture 'alexnet'", problem.GetProperty("detail").GetString());
    }

    public void Dispose() => factory.Dispose();
}
