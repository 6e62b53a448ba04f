using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.ModelCards;

/// <summary>
/// One host with a 90-slice demo dataset at 64 px and one DenseNet121 run trained for an epoch at 32 px: a torchvision
/// architecture (so its weights export under torchvision's names) whose input size differs from the slices' (so the
/// card's resize matters). Training is the slow part; the model-card tests share it.
/// </summary>
public sealed class ModelCardFixture : IAsyncLifetime
{
    public XaiLabAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public int DatasetId { get; private set; }

    public int RunId { get; private set; }

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        var created = await Client.PostAsJsonAsync("/api/datasets/demo", new { slices = 90, size = 64, seed = 5 });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        DatasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/datasets/{DatasetId}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(1));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());

        var launched = await Client.PostAsJsonAsync("/api/runs", new
        {
            datasetId = DatasetId, architecture = "densenet121", epochs = 1, imageSize = 32, batchSize = 8, seed = 2,
        });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        RunId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var run = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/runs/{RunId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(6));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
