using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Jobs;

/// <summary>
/// PostgreSQL goes away in the middle of a training run for longer than the run's lease (every connection dropped,
/// new ones refused), then comes back: /api/health says so meanwhile, and the run waits and finishes with every epoch
/// stored exactly once.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly TcpRelay relay;
    private readonly XaiLabAppFactory factory;

    public DatabaseOutageTests()
    {
        var direct = PostgresServer.ConnectionString;
        relay = new TcpRelay(new NpgsqlConnectionStringBuilder(direct).Port);
        factory = new XaiLabAppFactory(DatabaseProvider.Postgres, new Dictionary<string, string>
        {
            ["Jobs:RunLeaseSeconds"] = "3",
            ["DatabaseHealth:IntervalSeconds"] = "0.5",
            ["DatabaseHealth:TimeoutSeconds"] = "2",
            ["Database:MaxRetryDelaySeconds"] = "2",
        });
        var viaRelay = new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Port = relay.Port, Timeout = 3 };
        factory.WithSetting("Database:ConnectionString", viaRelay.ConnectionString);
    }

    [Fact]
    public async Task DatabaseAwayMidRun_HealthSaysSoAndTheRunFinishesWithEveryEpochOnce()
    {
        const int epochs = 4;
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 4 });
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{datasetId}",
            d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(2));
        var launched = await client.PostAsJsonAsync("/api/runs",
            new { datasetId, architecture = "smallcnn", epochs, imageSize = 64, batchSize = 8, seed = 2 });
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}/epochs",
            e => e.GetArrayLength() >= 1, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));

        relay.Cut();
        var down = await ApiPolling.UntilAsync<JsonElement>(client, "/api/health",
            h => h.GetProperty("database").GetString() == "unavailable", TimeSpan.FromSeconds(20));
        Assert.Equal("degraded", down.GetProperty("status").GetString());
        // Longer than the lease: nobody can take the run meanwhile, and its executor must not give up on it.
        await Task.Delay(TimeSpan.FromSeconds(8));
        relay.Restore();

        await ApiPolling.UntilAsync<JsonElement>(client, "/api/health",
            h => h.GetProperty("database").GetString() == "ok", TimeSpan.FromSeconds(30));
        var run = await ApiPolling.UntilAsync<JsonElement>(client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(4));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/epochs");
        Assert.Equal(Enumerable.Range(1, epochs), stored.EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
    }

    public void Dispose()
    {
        relay.Restore();
        factory.Dispose();
        relay.Dispose();
    }
}
