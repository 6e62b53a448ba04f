using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis;

/// <summary>
/// A team's project goes out as one zip and comes back as a new team, in a fresh database and beside the original:
/// every row (with remapped ids) and every artifact byte is the same.
/// </summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class TeamBackupsApiTests
{
    [Fact]
    public async Task Backup_ThenRestore_GivesTheSameProjectInAFreshDatabaseAndBesideTheOriginal()
    {
        byte[] archive;
        string original, originalWithoutKeys;
        using (var source = new XaiLabAppFactory())
        {
            Seed(source.Services);
            original = Snapshot(source.Services, Team.DefaultTeamId, withCacheKeys: true);
            originalWithoutKeys = Snapshot(source.Services, Team.DefaultTeamId, withCacheKeys: false);
            using var client = source.CreateClient();
            var response = await client.GetAsync($"/api/teams/{Team.DefaultTeamId}/backup");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            archive = await response.Content.ReadAsByteArrayAsync();

            // Beside the original: a second team with a name of its own and cache keys that do not collide.
            var beside = await RestoreAsync(client, archive);
            Assert.NotEqual(Team.DefaultTeamId, beside.GetProperty("teamId").GetInt32());
            Assert.StartsWith("Default team (restored", beside.GetProperty("name").GetString());
            Assert.Equal(originalWithoutKeys, Snapshot(source.Services, beside.GetProperty("teamId").GetInt32(), withCacheKeys: false));
            Assert.Equal(original, Snapshot(source.Services, Team.DefaultTeamId, withCacheKeys: true));

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/teams/999/backup")).StatusCode);
            var junk = await client.PostAsync("/api/teams/restore", new ByteArrayContent([1, 2, 3]));
            Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        }

        using var target = new XaiLabAppFactory();
        using var targetClient = target.CreateClient();
        var restored = await RestoreAsync(targetClient, archive);
        // Every database has its seeded "Default team": the restored one is named after it, kept apart.
        Assert.StartsWith("Default team (restored", restored.GetProperty("name").GetString());
        Assert.Equal(3, restored.GetProperty("slices").GetInt32());
        Assert.Equal(8, restored.GetProperty("artifacts").GetInt32());
        Assert.Equal(original, Snapshot(target.Services, restored.GetProperty("teamId").GetInt32(), withCacheKeys: true));
    }

    private static async Task<JsonElement> RestoreAsync(HttpClient client, byte[] archive)
    {
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await client.PostAsync("/api/teams/restore", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void Seed(IServiceProvider services)
    {
        var store = services.GetRequiredService<ArtifactStore>();
        using var db = services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContext();
        var at = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
        var dataset = new Dataset
        {
            TeamId = Team.DefaultTeamId, Name = "phantoms", Status = DatasetStatus.Ready, ClassNames = ["healthy", "tumour"],
            SliceCount = 3, PatientCount = 2, WithMasks = true, VersionHash = "v1", SplitSeed = 3, CreatedAt = at,
        };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var slices = Enumerable.Range(0, 3).Select(i =>
        {
            store.Write($"datasets/{dataset.Id}/images/{i:D6}.png", [(byte)i, 1, 2, 3]);
            if (i == 1)
            {
                store.Write($"datasets/{dataset.Id}/masks/{i:D6}.png", [9, 9, (byte)i]);
            }
            return new Slice
            {
                DatasetId = dataset.Id, Index = i, PatientId = $"p{i % 2}", Label = i % 2, Split = (SplitPart)(i % 3), Width = 64, Height = 64,
                BitDepth = 16, ImagePath = $"datasets/{dataset.Id}/images/{i:D6}.png",
                MaskPath = i == 1 ? $"datasets/{dataset.Id}/masks/{i:D6}.png" : null, ContentHash = $"hash{i}",
            };
        }).ToList();
        db.Slices.AddRange(slices);
        db.SaveChanges();

        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 2, CompletedEpochs = 2, ImageSize = 64, BatchSize = 8, LearningRate = 1e-3, Seed = 5, TestAccuracy = 0.75,
            Tags = "sweep", Notes = "note", ConfigJson = "{\"epochs\":2}", CreatedAt = at, StartedAt = at, FinishedAt = at.AddMinutes(1),
        };
        db.Runs.Add(run);
        db.SaveChanges();
        run.CheckpointPath = $"runs/{run.Id}/checkpoint-epoch0002.bin";
        store.Write(run.CheckpointPath, Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray());
        db.EpochMetrics.AddRange(
            new EpochMetric { RunId = run.Id, Epoch = 1, TrainLoss = 0.9, TrainAccuracy = 0.5, ValidationLoss = 1.0, LearningRate = 1e-3 },
            new EpochMetric { RunId = run.Id, Epoch = 2, TrainLoss = 0.5, TrainAccuracy = 0.8, LearningRate = 1e-3 });
        db.Predictions.Add(new Prediction { RunId = run.Id, SliceId = slices[2].Id, Label = 0, Predicted = 1, Probabilities = [0.4f, 0.6f] });
        store.Write($"embeddings/{dataset.Id}/points.bin", [7, 7, 7]);
        db.Embeddings.Add(new Embedding
        {
            DatasetId = dataset.Id, RunId = run.Id, Source = EmbeddingSource.Trained, Projection = EmbeddingProjection.Pca, Split = "test",
            CacheKey = new string('e', 64), Status = EmbeddingStatus.Succeeded, PointsPath = $"embeddings/{dataset.Id}/points.bin", PointCount = 3,
            CreatedAt = at,
        });
        store.Write($"runs/{run.Id}/attributions/b.png", [6]);
        store.Write($"runs/{run.Id}/attributions/b.f32", [8, 8]);
        var map = new StoredAttribution
        {
            RunId = run.Id, SliceId = slices[1].Id, Method = "occlusion", ParametersHash = new string('p', 64), Parameters = "window=8",
            CacheKey = new string('a', 64), Target = 1, Channels = 1, Height = 64, Width = 64, OverlayPath = $"runs/{run.Id}/attributions/b.png",
            ValuesPath = $"runs/{run.Id}/attributions/b.f32", ClipValue = 0.3, PointingGame = true, Auc = 0.65, DeletionAuc = 0.2,
            InsertionAuc = 0.7, CreatedAt = at,
        };
        db.StoredAttributions.Add(map);
        db.SaveChanges();
        db.AttributionRequests.Add(new AttributionRequest
        {
            RunIds = [run.Id], TrainingRunId = run.Id, Methods = ["occlusion"], SliceIds = [slices[1].Id], Status = AttributionRequestStatus.Succeeded, Total = 1,
            Done = 1, Computed = 1, MapIds = [map.Id], CreatedAt = at,
        });
        db.SaveChanges();
    }

    /// <summary>The team's project without ids: references as natural keys, artifacts as hashes of their bytes.</summary>
    private static string Snapshot(IServiceProvider services, int teamId, bool withCacheKeys)
    {
        var store = services.GetRequiredService<ArtifactStore>();
        string? Bytes(string? path) => path is null ? null : Convert.ToHexString(SHA256.HashData(store.Read(path)));
        using var db = services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContext();
        var datasets = db.Datasets.AsNoTracking().Where(d => d.TeamId == teamId).OrderBy(d => d.Name).ToList();
        var datasetIds = datasets.Select(d => d.Id).ToList();
        var slices = db.Slices.AsNoTracking().Where(s => datasetIds.Contains(s.DatasetId)).ToList();
        int SliceIndex(int id) => slices.Single(s => s.Id == id).Index;
        var runs = db.Runs.AsNoTracking().Where(r => r.TeamId == teamId).OrderBy(r => r.Seed).ToList();
        var runIds = runs.Select(r => r.Id).ToList();
        int RunSeed(int id) => runs.Single(r => r.Id == id).Seed;
        var maps = db.StoredAttributions.AsNoTracking().Where(a => runIds.Contains(a.RunId)).ToList();
        var snapshot = new
        {
            datasets = datasets.Select(d => new { d.Name, d.Status, d.ClassNames, d.SliceCount, d.PatientCount, d.WithMasks, d.VersionHash, d.SplitSeed, d.CreatedAt }),
            slices = slices.OrderBy(s => s.Index).Select(s => new { s.Index, s.PatientId, s.Label, s.Split, s.Width, s.ContentHash, image = Bytes(s.ImagePath), mask = Bytes(s.MaskPath) }),
            runs = runs.Select(r => new
            {
                r.Architecture, r.Status, r.Epochs, r.CompletedEpochs, r.Seed, r.TestAccuracy, r.Tags, r.Notes, r.ConfigJson, r.CreatedAt, r.FinishedAt,
                checkpoint = Bytes(r.CheckpointPath),
                epochs = db.EpochMetrics.AsNoTracking().Where(m => m.RunId == r.Id).OrderBy(m => m.Epoch).Select(m => new { m.Epoch, m.TrainLoss, m.ValidationLoss }).ToList(),
                predictions = db.Predictions.AsNoTracking().Where(p => p.RunId == r.Id).ToList().Select(p => new { slice = SliceIndex(p.SliceId), p.Predicted, p.Probabilities }),
            }),
            embeddings = db.Embeddings.AsNoTracking().Where(e => datasetIds.Contains(e.DatasetId)).ToList()
                .Select(e => new { run = e.RunId is { } id ? RunSeed(id) : (int?)null, e.Source, e.Projection, key = withCacheKeys ? e.CacheKey : null, points = Bytes(e.PointsPath) }),
            maps = maps.Select(a => new
            {
                run = RunSeed(a.RunId), slice = SliceIndex(a.SliceId), a.Method, a.Parameters, key = withCacheKeys ? a.CacheKey : null, a.PointingGame,
                auc = a.Auc?.ToString(System.Globalization.CultureInfo.InvariantCulture), a.DeletionAuc, overlay = Bytes(a.OverlayPath), values = Bytes(a.ValuesPath),
            }),
            requests = db.AttributionRequests.AsNoTracking().ToList().Where(r => r.RunIds.All(runIds.Contains)).Select(r => new
            {
                runs = r.RunIds.Select(RunSeed), training = r.TrainingRunId is { } owner ? RunSeed(owner) : (int?)null, r.Methods, slices = r.SliceIds.Select(SliceIndex), r.Status, r.Total,
                maps = r.MapIds.Select(id => maps.Single(m => m.Id == id).Method),
            }),
        };
        return JsonSerializer.Serialize(snapshot);
    }
}
