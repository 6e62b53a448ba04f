using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Attributions;

/// <summary>
/// One host with a 120-slice demo dataset at 64 px and two trained smallcnn runs (2 epochs): training is the slow part,
/// so the attribution tests share it; each test uses its own run or checks only the maps it asked for.
/// </summary>
public sealed class AttributionsFixture : IAsyncLifetime
{
    public XaiLabAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public int DatasetId { get; private set; }

    /// <summary>Run shared by the tests that do not count rows across requests of other tests.</summary>
    public int RunId { get; private set; }

    /// <summary>Run used only by the concurrency test, so its maps are all new.</summary>
    public int ConcurrencyRunId { get; private set; }

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        var created = await Client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 3 });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        DatasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/datasets/{DatasetId}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(1));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        RunId = await TrainAsync(seed: 1);
        ConcurrencyRunId = await TrainAsync(seed: 2);
    }

    private async Task<int> TrainAsync(int seed)
    {
        var launched = await Client.PostAsJsonAsync("/api/runs", new
        {
            datasetId = DatasetId, architecture = "smallcnn", epochs = 2, imageSize = 64, batchSize = 16, learningRate = 0.002, seed,
        });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var run = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return runId;
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
