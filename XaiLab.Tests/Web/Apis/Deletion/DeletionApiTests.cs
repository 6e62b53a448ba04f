using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Deletion;

/// <summary>
/// Issue 21 item 4 on the real host: a trained run with its saliency maps makes its dataset refuse a plain delete (409
/// naming the run); another team cannot delete it (404); with cascade=true the dataset, its slices, the run, its epochs,
/// predictions, maps and attribution requests are gone from the database and every file of them from the disk.
/// </summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class DeletionApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task DeleteDataset_WithItsTrainedRun_NeedsCascade_ThenLeavesNoRowAndNoFile()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 5 });
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{datasetId}", d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(1));
        var launched = await client.PostAsJsonAsync("/api/runs", new { datasetId, architecture = "smallcnn", epochs = 1, imageSize = 64, batchSize = 32 });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}", r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(4));
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}/saliency", m => m.GetArrayLength() > 0, TimeSpan.FromMinutes(2));
        Assert.True(Directory.Exists(Folder($"runs/{runId}")));
        Assert.True(Directory.Exists(Folder($"datasets/{datasetId}")));

        using (var plain = await client.DeleteAsync($"/api/datasets/{datasetId}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
            Assert.Contains($"has runs {runId}", (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var otherTeam = await factory.CreateTeamAsync("Elsewhere");
        using (var stranger = await factory.CreateUserClientAsync(XaiLabRoles.Researcher, otherTeam))
        using (var hidden = await stranger.DeleteAsync($"/api/datasets/{datasetId}?cascade=true"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var deleted = await client.DeleteAsync($"/api/datasets/{datasetId}?cascade=true"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{datasetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/runs/{runId}")).StatusCode);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Slices.CountAsync(s => s.DatasetId == datasetId));
        Assert.Equal(0, await db.Runs.CountAsync(r => r.Id == runId));
        Assert.Equal(0, await db.EpochMetrics.CountAsync(m => m.RunId == runId));
        Assert.Equal(0, await db.Predictions.CountAsync(p => p.RunId == runId));
        Assert.Equal(0, await db.StoredAttributions.CountAsync(a => a.RunId == runId));
        Assert.Equal(0, await db.AttributionRequests.CountAsync());
        Assert.False(Directory.Exists(Folder($"runs/{runId}")));
        Assert.False(Directory.Exists(Folder($"datasets/{datasetId}")));
        Assert.False(Directory.Exists(Folder($"cache/datasets/{datasetId}")));
        Assert.Contains(await db.AuditEntries.Select(e => e.Action + " " + e.ObjectType + " " + e.ObjectId).ToListAsync(), e => e == $"delete dataset {datasetId}");
    }

    [Fact]
    public async Task DeleteRun_WhileItTrains_CancelsIt_WaitsForTheJob_ThenLeavesNoRowAndNoFile()
    {
        using var client = factory.CreateClient();
        var datasetId = await DemoDatasetAsync(client, slices: 120);
        var launched = await client.PostAsJsonAsync("/api/runs", new { datasetId, architecture = "smallcnn", epochs = 500, imageSize = 64, batchSize = 16 });
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() == "running" && r.GetProperty("completedEpochs").GetInt32() >= 1, TimeSpan.FromMinutes(3));
        Assert.True(Directory.Exists(Folder($"runs/{runId}")));

        using (var deleted = await client.DeleteAsync($"/api/runs/{runId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/runs/{runId}")).StatusCode);
        // The job had stopped before the rows went: nothing of the run comes back afterwards.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(Directory.Exists(Folder($"runs/{runId}")));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Runs.CountAsync(r => r.Id == runId));
        Assert.Equal(0, await db.EpochMetrics.CountAsync(m => m.RunId == runId));
        Assert.Equal(0, await db.JobExecutions.CountAsync(e => e.Kind == XaiLab.Data.Executions.JobKinds.Run && e.EntityId == runId));
        var audit = await db.AuditEntries.Where(e => e.ObjectId == runId.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["run.cancel", "delete"], audit.Where(a => a is "run.cancel" or "delete"));
    }

    [Fact]
    public async Task DeleteDataset_WhileItImports_CancelsTheImport_ThenLeavesNoRowAndNoFile()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 20000, size = 128, seed = 9 });
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{datasetId}/slices?take=1", s => s.GetArrayLength() > 0, TimeSpan.FromMinutes(1));

        using (var deleted = await client.DeleteAsync($"/api/datasets/{datasetId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{datasetId}")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(Directory.Exists(Folder($"datasets/{datasetId}")));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Slices.CountAsync(s => s.DatasetId == datasetId));
        var audit = await db.AuditEntries.Where(e => e.ObjectId == datasetId.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains("dataset.cancel", audit);
        Assert.Contains("delete", audit);
    }

    [Fact]
    public async Task DeleteRunAndStudy_ThatDoNotExist_Answer404_AndViewersAre403()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/runs/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/studies/4242")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/attributions/4242")).StatusCode);
        using var viewer = await factory.CreateUserClientAsync(XaiLabRoles.Viewer, XaiLab.Data.Entities.Team.DefaultTeamId);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync("/api/runs/4242")).StatusCode);
    }

    private static async Task<int> DemoDatasetAsync(HttpClient client, int slices)
    {
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices, size = 64, seed = 5 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}", d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(1));
        return id;
    }

    private string Folder(string relative) => Path.Combine(factory.DataDirectory, "artifacts", relative);

    public void Dispose() => factory.Dispose();
}
