using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Jobs;

/// <summary>
/// kill -9 while a dataset imports: after a restart the import runs again from nothing and the dataset ends ready with
/// every slice exactly once, instead of staying "importing" or keeping the dead attempt's rows.
/// </summary>
public sealed class ImportCrashRecoveryTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("xailab-import-crash-").FullName;

    [Fact]
    public async Task KilledWhileImporting_ImportsAgainAfterRestartWithEverySliceOnce()
    {
        const int slices = 1500;
        int datasetId;
        using (var first = await WebAppProcess.StartAsync(dataDirectory))
        {
            var created = await first.Client.PostAsJsonAsync("/api/datasets/demo", new { slices, size = 128, seed = 6 });
            datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            // Rows are written in batches of 500: wait until some are, so the dead attempt leaves something behind.
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (CountSlices(datasetId) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "no slice rows were written within two minutes");
                await Task.Delay(50);
            }
            first.KillHard();
        }
        var atKill = ReadDataset(datasetId);
        Assert.Equal(DatasetStatus.Importing, atKill.Status);
        Assert.InRange(CountSlices(datasetId), 1, slices - 1);

        using var second = await WebAppProcess.StartAsync(dataDirectory);
        var dataset = await ApiPolling.UntilAsync<JsonElement>(second.Client, $"/api/datasets/{datasetId}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(3));

        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        Assert.Equal(slices, dataset.GetProperty("sliceCount").GetInt32());
        Assert.Equal(slices, CountSlices(datasetId));
        var images = Directory.GetFiles(Path.Combine(dataDirectory, "artifacts", "datasets", datasetId.ToString()), "*", SearchOption.AllDirectories);
        Assert.Equal(slices, images.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "images"));
    }

    private XaiLabDbContext Open() => new(new DbContextOptionsBuilder<XaiLabDbContext>()
        .UseSqlite($"Data Source={Path.Combine(dataDirectory, "xailab.db")};Pooling=False").Options);

    private int CountSlices(int datasetId)
    {
        using var db = Open();
        return db.Slices.Count(s => s.DatasetId == datasetId);
    }

    private Dataset ReadDataset(int datasetId)
    {
        using var db = Open();
        return db.Datasets.AsNoTracking().Single(d => d.Id == datasetId);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The killed process may have left a handle behind for a moment; the OS cleans temp folders.
        }
    }
}
