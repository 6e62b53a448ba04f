using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Jobs;

/// <summary>
/// kill -9 in the middle of an epoch: after a restart the run resumes from its last committed epoch and finishes with every
/// epoch stored exactly once.
/// </summary>
public sealed class TrainingCrashRecoveryTests : IDisposable
{
    private static readonly Dictionary<string, string> ShortLease = new() { ["Jobs__RunLeaseSeconds"] = "6" };
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("xailab-crash-").FullName;

    [Fact]
    public async Task KilledWithinAnEpoch_ResumesAfterRestartWithEveryEpochOnce()
    {
        int runId;
        const int epochs = 8;
        using (var first = await WebAppProcess.StartAsync(dataDirectory, ShortLease))
        {
            var created = await first.Client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 4 });
            var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            await ApiPolling.UntilAsync<JsonElement>(first.Client, $"/api/datasets/{datasetId}",
                d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(2));
            var launched = await first.Client.PostAsJsonAsync("/api/runs",
                new { datasetId, architecture = "smallcnn", epochs, imageSize = 64, batchSize = 8, seed = 2 });
            runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

            await ApiPolling.UntilAsync<JsonElement>(first.Client, $"/api/runs/{runId}/epochs",
                e => e.GetArrayLength() >= 2, TimeSpan.FromMinutes(3), interval: TimeSpan.FromMilliseconds(50));
            // Inside the next epoch: its batches run, nothing of it is committed yet.
            await Task.Delay(150);
            first.KillHard();
        }

        var completedAtKill = ReadRun(runId).CompletedEpochs;
        Assert.InRange(completedAtKill, 2, epochs - 1);

        using var second = await WebAppProcess.StartAsync(dataDirectory, ShortLease);
        var run = await ApiPolling.UntilAsync<JsonElement>(second.Client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());

        var stored = await second.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/epochs");
        Assert.Equal(Enumerable.Range(1, epochs), stored.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        var finished = ReadRun(runId);
        Assert.Contains($"Resuming after epoch {completedAtKill}", finished.LogTail);
        Assert.Null(finished.LeaseOwner);
    }

    private XaiLab.Data.Entities.TrainingRun ReadRun(int runId)
    {
        var options = new DbContextOptionsBuilder<XaiLabDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataDirectory, "xailab.db")};Pooling=False").Options;
        using var db = new XaiLabDbContext(options);
        return db.Runs.AsNoTracking().Single(r => r.Id == runId);
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
