using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Evaluations;

/// <summary>
/// One host with the "home" demo dataset, two smallcnn runs trained on it for one epoch at 32 px (seeds 1 and 2), and
/// two "other hospital" demo datasets (64 px slices) made with other seeds: <see cref="OtherDatasetId"/> spells the classes in other
/// cases (matched by name, ignoring case), <see cref="RenamedDatasetId"/> calls them x0, x1, x2 (needs a class map).
/// </summary>
public sealed class EvaluationsFixture : IAsyncLifetime
{
    public XaiLabAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public int DatasetId { get; private set; }

    public int OtherDatasetId { get; private set; }

    public int RenamedDatasetId { get; private set; }

    public int RunId { get; private set; }

    public int SecondRunId { get; private set; }

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        DatasetId = await CreateDemoAsync(seed: 3, slices: 90);
        OtherDatasetId = await CreateDemoAsync(seed: 11, slices: 60);
        RenamedDatasetId = await CreateDemoAsync(seed: 12, slices: 45);
        await RenameClassesAsync(OtherDatasetId, ["MENINGIOMA", "Glioma", "pituitary"]);
        await RenameClassesAsync(RenamedDatasetId, ["x0", "x1", "x2"]);
        RunId = await TrainAsync(seed: 1);
        SecondRunId = await TrainAsync(seed: 2);
    }

    public async Task<int> CreateDemoAsync(int seed, int slices)
    {
        var created = await Client.PostAsJsonAsync("/api/datasets/demo", new { slices, size = 64, seed, name = $"hospital {seed}" });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/datasets/{id}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(1));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        return id;
    }

    /// <summary>Another hospital names its classes its own way (the slices keep their class indices).</summary>
    public async Task RenameClassesAsync(int datasetId, List<string> names)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Id == datasetId);
        dataset.ClassNames = names;
        await db.SaveChangesAsync();
    }

    /// <summary>Asks for an evaluation and waits for it to end; returns the evaluation as the API answers it.</summary>
    public async Task<JsonElement> EvaluateAsync(int runId, object body)
    {
        using var response = await Client.PostAsJsonAsync($"/api/runs/{runId}/evaluations", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/evaluations/{id}",
            e => e.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(2));
    }

    private async Task<int> TrainAsync(int seed)
    {
        var launched = await Client.PostAsJsonAsync("/api/runs", new
        {
            datasetId = DatasetId, architecture = "smallcnn", epochs = 1, imageSize = 32, batchSize = 16, learningRate = 0.002, seed,
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
