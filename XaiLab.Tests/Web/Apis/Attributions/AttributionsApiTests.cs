using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis.Attributions;

/// <summary>Attribution requests through the public API of the real host: maps, scores, cache and single computation.</summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class AttributionsApiTests(AttributionsFixture fixture) : IClassFixture<AttributionsFixture>
{
    private static readonly string[] Methods = ["vanilla-gradient", "grad-cam", "integrated-gradients"];
    private static readonly string[] ScoreNames =
    [
        "maskFraction", "pointingGame", "relevanceMass", "relevanceRank", "iouTop5", "iouTop10", "iouTop20", "iouTop30",
        "diceTop5", "diceTop10", "diceTop20", "diceTop30", "auc", "deletionAuc", "insertionAuc",
    ];

    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task TrainingAndAttribution_FeedTheModelIdenticalTensors()
    {
        // Training reads the resized-slice cache; attribution preprocesses the original PNG. Both must give the same input.
        using var scope = fixture.Factory.Services.CreateScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        var store = scope.ServiceProvider.GetRequiredService<XaiLab.Data.Artifacts.ArtifactStore>();
        await using var db = await contexts.CreateDbContextAsync();
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == fixture.RunId);
        Assert.NotNull(run.NormalizationMean);
        Assert.True(run.NormalizationStd > 0);

        using var data = await scope.ServiceProvider.GetRequiredService<XaiLab.Web.Jobs.Training.RunSplitsLoader>().LoadAsync(run, CancellationToken.None);
        using var explainer = await XaiLab.Web.Jobs.Attributions.RunExplainer.LoadAsync(run, contexts, store,
            scope.ServiceProvider.GetRequiredService<XaiLab.Web.Services.Datasets.SliceInputCache>(), CancellationToken.None);
        var paths = await db.Slices.Where(s => s.DatasetId == fixture.DatasetId).ToDictionaryAsync(s => s.Id, s => s.ImagePath);
        Assert.Equal(data.Test.Count, data.TestSliceIds.Count);
        for (var i = 0; i < data.Test.Count; i++)
        {
            var image = XaiLab.Engine.Imaging.Png16Codec.Decode(await store.ReadAsync(paths[data.TestSliceIds[i]]));
            var attributionInput = explainer.Input(image);
            Assert.Equal(64 * 64, attributionInput.Length);
            Assert.True(data.Test.Pixels(i).AsSpan().SequenceEqual(attributionInput), $"slice {data.TestSliceIds[i]} differs");
        }
        // The statistics are the training split's: z-scored training inputs average to 0 with unit spread.
        var train = Enumerable.Range(0, data.Train.Count).SelectMany(data.Train.Pixels).ToArray();
        Assert.Equal(0, train.Average(), 3);
        Assert.Equal(1, Math.Sqrt(train.Average(v => (double)v * v)), 3);
    }

    [Fact]
    public async Task Request_CompletesAndServesMapsAndScores()
    {
        var request = await CompleteAsync(await PostAsync(fixture.RunId));
        // Three demo classes: one default test slice per class.
        Assert.Equal(3, request.GetProperty("sliceIds").GetArrayLength());
        var maps = request.GetProperty("maps").EnumerateArray().ToList();
        Assert.Equal(9, maps.Count);
        Assert.Equal(Methods.Order(), maps.Select(m => m.GetProperty("method").GetString()!).Distinct().Order());

        foreach (var map in maps)
        {
            var png = await Client.GetByteArrayAsync(map.GetProperty("url").GetString());
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            using var raw = await Client.GetAsync(map.GetProperty("rawUrl").GetString());
            Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
            var shape = raw.Headers.GetValues("X-Shape").Single().Split(',').Select(int.Parse).ToArray();
            Assert.Equal([1, 64, 64], shape);
            var bytes = await raw.Content.ReadAsByteArrayAsync();
            Assert.Equal(4 * 64 * 64, bytes.Length);
            var values = Enumerable.Range(0, 64 * 64).Select(i => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i))).ToArray();
            Assert.All(values, v => Assert.True(float.IsFinite(v)));
            Assert.Contains(values, v => v != 0);
        }

        var scores = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/saliency-scores");
        var rows = scores.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= 9);
        foreach (var row in rows)
        {
            foreach (var name in ScoreNames)
            {
                var value = row.GetProperty(name);
                if (value.ValueKind == JsonValueKind.Null) continue;
                Assert.InRange(value.GetDouble(), 0, 1);
            }
            Assert.Equal(JsonValueKind.Number, row.GetProperty("deletionAuc").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("auc").ValueKind);
            Assert.InRange(row.GetProperty("maskFraction").GetDouble(), 0, 1);
        }
        var csv = (await Client.GetStringAsync($"/api/runs/{fixture.RunId}/saliency-scores.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("runId,method,sliceId,parameters,target,maskFraction,pointingGame", csv[0]);
        Assert.Equal(rows.Count + 1, csv.Length);
        var summary = scores.GetProperty("summary").EnumerateArray().ToList();
        // One line per method and parameters: the training step's integrated gradients (25 steps) stand beside these (8).
        var lines = summary.Where(s => Methods.Contains(s.GetProperty("method").GetString())).ToList();
        Assert.Equal(Methods.Order(), lines.Select(l => l.GetProperty("method").GetString()!).Distinct().Order());
        foreach (var line in lines)
        {
            Assert.Equal(3, line.GetProperty("n").GetInt32());
            var iou = line.GetProperty("scores").GetProperty("iouTop30");
            Assert.InRange(iou.GetProperty("lower").GetDouble(), 0, iou.GetProperty("mean").GetDouble());
            Assert.InRange(iou.GetProperty("upper").GetDouble(), iou.GetProperty("mean").GetDouble(), 1);
            Assert.InRange(line.GetProperty("topRegionAgreement").GetDouble(), 0, 1);
        }
        Assert.Equal(2, summary.Count(s => s.GetProperty("method").GetString() == "integrated-gradients"));
    }

    [Fact]
    public async Task SecondIdenticalRequest_ReusesEveryMap()
    {
        var first = await CompleteAsync(await PostAsync(fixture.RunId));
        var before = await CountMapsAsync(fixture.RunId);
        var second = await CompleteAsync(await PostAsync(fixture.RunId));
        Assert.Equal(before, await CountMapsAsync(fixture.RunId));
        Assert.Equal(0, second.GetProperty("computed").GetInt32());
        Assert.Equal(9, second.GetProperty("done").GetInt32());
        Assert.Equal(Urls(first), Urls(second));
    }

    [Fact]
    public async Task ConcurrentIdenticalRequests_ComputeEachMapOnce()
    {
        var before = await CountMapsAsync(fixture.ConcurrencyRunId);
        var posts = await Task.WhenAll(PostAsync(fixture.ConcurrencyRunId), PostAsync(fixture.ConcurrencyRunId));
        var done = await Task.WhenAll(posts.Select(CompleteAsync));
        // The training step stored vanilla-gradient maps of the same slices: those 3 are reused; grad-cam and 8-step IG are new.
        Assert.Equal(6, done.Sum(r => r.GetProperty("computed").GetInt32()));
        Assert.Equal(before + 6, await CountMapsAsync(fixture.ConcurrencyRunId));
        Assert.Equal(Urls(done[0]), Urls(done[1]));
    }

    [Fact]
    public async Task Request_RejectsUnknownMethodWithTheRegistryMessage()
    {
        var response = await Client.PostAsJsonAsync("/api/attributions", new { runIds = new[] { fixture.RunId }, methods = new[] { "lime" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Unknown attribution method 'lime'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Overlay_RendersAnotherColormapAndRejectsUnknownOnes()
    {
        var request = await CompleteAsync(await PostAsync(fixture.RunId));
        var url = request.GetProperty("maps")[0].GetProperty("url").GetString();
        Assert.True(request.GetProperty("maps")[0].GetProperty("clipValue").GetDouble() > 0);

        var stored = await Client.GetByteArrayAsync(url);
        var viridis = await Client.GetByteArrayAsync($"{url}&colormap=viridis&opacity=0.9");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, viridis[..4]);
        Assert.NotEqual(stored, viridis);
        var map = request.GetProperty("maps")[0];
        var faint = await Client.GetByteArrayAsync($"{url}&ceiling={(map.GetProperty("clipValue").GetDouble() * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.NotEqual(stored, faint);
        using var negative = await Client.GetAsync($"{url}&ceiling=-1");
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        using var unknown = await Client.GetAsync($"{url}&colormap=rainbow");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var method = await Client.GetAsync($"/api/runs/{fixture.RunId}/attributions/lime/1");
        Assert.Equal(HttpStatusCode.BadRequest, method.StatusCode);
    }

    private async Task<int> PostAsync(int runId)
    {
        var response = await Client.PostAsJsonAsync("/api/attributions", new
        {
            runIds = new[] { runId }, methods = Methods, parameters = new { steps = 8 },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> CompleteAsync(int id)
    {
        var request = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/attributions/{id}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(3));
        Assert.True(request.GetProperty("status").GetString() == "succeeded", request.ToString());
        Assert.Equal(1.0, request.GetProperty("progress").GetDouble(), 6);
        return request;
    }

    private async Task<int> CountMapsAsync(int runId)
    {
        var contexts = fixture.Factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.StoredAttributions.CountAsync(a => a.RunId == runId);
    }

    private static List<string> Urls(JsonElement request) =>
        request.GetProperty("maps").EnumerateArray().Select(m => m.GetProperty("url").GetString()!).Order().ToList();
}
