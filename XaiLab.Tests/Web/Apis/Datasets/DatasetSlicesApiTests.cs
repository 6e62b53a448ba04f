using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Datasets;

/// <summary>Slice listing, leakage report and re-split of a stored dataset through the API.</summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class DatasetSlicesApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Slices_AreFilteredAndPagedServerSide()
    {
        using var client = factory.CreateClient();
        var id = await CreateDemoAsync(client);

        var page = await client.GetAsync($"/api/datasets/{id}/slices?skip=10&take=5&class=glioma&split=train");
        var items = await page.Content.ReadFromJsonAsync<JsonElement>();
        var total = int.Parse(page.Headers.GetValues("X-Total-Count").Single());
        var patient = items[0].GetProperty("patientId").GetString();
        var byPatient = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/slices?patient={patient}&take=500");

        Assert.Equal(5, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), s => Assert.Equal(("glioma", "train"), (s.GetProperty("class").GetString(), s.GetProperty("split").GetString())));
        Assert.InRange(total, 15, 240);
        Assert.All(byPatient.EnumerateArray(), s => Assert.Equal(patient, s.GetProperty("patientId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/datasets/{id}/slices?take=501")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/datasets/{id}/slices?class=nope")).StatusCode);
    }

    [Fact]
    public async Task Resplit_PaperPreset_CarriesWarningAndLeakage_ThenPatientGroupedHasNone()
    {
        using var client = factory.CreateClient();
        var id = await CreateDemoAsync(client);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/leakage");
        Assert.False(before.GetProperty("hasLeakage").GetBoolean());

        var paper = await client.PostAsJsonAsync($"/api/datasets/{id}/split", new { preset = "paper-random", train = 0.6, validation = 0.2, seed = 3 });
        var body = await paper.Content.ReadFromJsonAsync<JsonElement>();
        var leakage = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/leakage");
        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}");

        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.Contains(body.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("data leakage"));
        Assert.True(leakage.GetProperty("hasLeakage").GetBoolean());
        Assert.Contains("data leakage", leakage.GetProperty("warning").GetString());
        Assert.Equal("paper-random", dataset.GetProperty("splitPreset").GetString());
        Assert.Equal(144, dataset.GetProperty("splitCounts").GetProperty("train").GetInt32());

        var grouped = await client.PostAsJsonAsync($"/api/datasets/{id}/split", new { preset = "patient-grouped", seed = 4 });
        Assert.Equal(HttpStatusCode.OK, grouped.StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{id}/leakage")).GetProperty("hasLeakage").GetBoolean());
    }

    [Fact]
    public async Task Resplit_IsRefusedOnceARunUsedTheDataset()
    {
        using var client = factory.CreateClient();
        var id = await CreateDemoAsync(client);
        var run = await client.PostAsJsonAsync("/api/runs", new { datasetId = id, epochs = 1 });
        var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await client.PostAsync($"/api/runs/{runId}/cancel", null);

        var response = await client.PostAsJsonAsync($"/api/datasets/{id}/split", new { preset = "paper-random" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("1 run(s) trained on its current split", await response.Content.ReadAsStringAsync());
    }

    private static async Task<int> CreateDemoAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 240, size = 64, seed = 2 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}", d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(1));
        return id;
    }

    public void Dispose() => factory.Dispose();
}
