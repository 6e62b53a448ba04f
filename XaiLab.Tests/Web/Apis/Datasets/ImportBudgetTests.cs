using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Datasets;

/// <summary>An import that runs past its time budget (Imports:MaxImportMinutes) is stopped, rolled back and failed with the reason.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ImportBudgetTests : IDisposable
{
    private readonly XaiLabAppFactory app = new XaiLabAppFactory().WithSetting("Imports:MaxImportMinutes", "0.01");

    [Fact]
    public async Task ImportPastItsTimeBudget_EndsFailedWithTheReason_AndKeepsNothing()
    {
        using var client = app.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 3000, size = 128, seed = 2 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var dataset = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}",
            d => d.GetProperty("status").GetString() is "ready" or "failed", TimeSpan.FromMinutes(2));

        Assert.Equal("failed", dataset.GetProperty("status").GetString());
        Assert.Contains("time budget of 0.01 minutes (Imports:MaxImportMinutes)", dataset.GetProperty("error").GetString());
        Assert.Equal(0, dataset.GetProperty("sliceCount").GetInt32());
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "artifacts", "datasets", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "images"))
            && Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "artifacts", "datasets", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "images")).Any());
    }

    public void Dispose() => app.Dispose();
}
