using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Imaging;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Attributions;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>
/// One host with two teams whose objects (datasets, slices with image and mask files, a succeeded run with epochs,
/// predictions, a stored attribution, an embedding, an attribution request, an external evaluation) are written straight into the
/// database and artifact store, and one client per role, every role a member of the default team only.
/// </summary>
public sealed class AccessMatrixFixture : IAsyncLifetime
{
    public const string Anonymous = "Anonymous";

    public XaiLabAppFactory Factory { get; } = new();

    public TeamObjects Own { get; private set; } = null!;

    public TeamObjects Other { get; private set; } = null!;

    public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Factory.CreateClient().Dispose();
        var otherTeam = await Factory.CreateTeamAsync("Other team");
        Own = await SeedAsync(Team.DefaultTeamId);
        Other = await SeedAsync(otherTeam);
        var noRedirects = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        foreach (var role in XaiLabRoles.All)
        {
            var token = await Factory.CreateTokenAsync(await Factory.CreateUserAsync(role, Team.DefaultTeamId));
            var client = Factory.CreateClient(noRedirects);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Clients[role] = client;
        }
        var anonymous = Factory.CreateClient(noRedirects);
        anonymous.DefaultRequestHeaders.Authorization = null;
        Clients[Anonymous] = anonymous;
    }

    private async Task<TeamObjects> SeedAsync(int teamId)
    {
        var marker = $"team-{teamId}-{Guid.NewGuid():N}";
        var store = Factory.Services.GetRequiredService<ArtifactStore>();
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        var created = DateTimeOffset.UtcNow;
        var dataset = new Dataset
        {
            TeamId = teamId, Name = $"data {marker}", Status = DatasetStatus.Ready, ClassNames = ["a", "b"], SliceCount = 4,
            PatientCount = 4, WithMasks = true, VersionHash = marker, CreatedAt = created,
        };
        var importing = new Dataset { TeamId = teamId, Name = $"importing {marker}", Status = DatasetStatus.Importing, CreatedAt = created };
        db.Datasets.AddRange(dataset, importing);
        await db.SaveChangesAsync();

        var splits = new[] { SplitPart.Test, SplitPart.Test, SplitPart.Train, SplitPart.Validation };
        var slices = new List<Slice>();
        for (var i = 0; i < 4; i++)
        {
            var image = $"matrix/{marker}/slice{i}.png";
            var mask = $"matrix/{marker}/mask{i}.png";
            store.Write(image, Png16Codec.Encode(new SliceImage(8, 8, Enumerable.Range(0, 64).Select(p => (ushort)(p * 1000 + i)).ToArray())));
            store.Write(mask, Png16Codec.EncodeMask(new BinaryMask(8, 8, Enumerable.Range(0, 64).Select(p => p % 9 == 0).ToArray())));
            slices.Add(new Slice
            {
                DatasetId = dataset.Id, Index = i, PatientId = $"p{i}", Label = i % 2, Split = splits[i], Width = 8, Height = 8,
                BitDepth = 16, ImagePath = image, MaskPath = mask, ContentHash = $"{marker}-{i}",
            });
        }
        db.Slices.AddRange(slices);
        await db.SaveChangesAsync();

        var stored = new StoredEvaluation(0.5, 0.5, 0.5, ["a", "b"], [[1, 0], [1, 0]], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [1, 1], [0.5, 0.5]);
        var run = new TrainingRun
        {
            TeamId = teamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 1, CompletedEpochs = 1, ImageSize = 16, BatchSize = 2, LearningRate = 1e-3, Seed = 1, Progress = 1,
            TestAccuracy = 0.5, Notes = marker, EvaluationJson = JsonSerializer.Serialize(stored), CreatedAt = created,
            StartedAt = created, FinishedAt = created, CheckpointPath = $"matrix/{marker}/checkpoint.bin", NormalizationMean = 0.25,
            NormalizationStd = 0.5,
            ConfigJson = StoredRunConfig.Write(new RunConfig(null, "smallcnn", 1, 16, 2, 1e-3, "adamw", 0.9, "constant", 0, 1e-4,
                false, false, null, "gap", 1, "cpu")),
        };
        // A real (untrained) checkpoint, so the weights downloads have something to serve.
        using (var model = XaiLab.Engine.Models.ModelFactory.Create(new XaiLab.Engine.Models.ModelSpec(XaiLab.Engine.Models.Architecture.SmallCnn, 1, 2, 16)))
        using (var state = new MemoryStream())
        {
            using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true)) model.save(writer);
            store.Write(run.CheckpointPath, new XaiLab.Engine.Training.TrainingCheckpoint(1, state.ToArray(), [], XaiLab.Engine.Training.OptimizerKind.Sgd, 1).ToBytes());
        }
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        db.EpochMetrics.Add(new EpochMetric { RunId = run.Id, Epoch = 1, TrainLoss = 1, TrainAccuracy = 0.5, ValidationLoss = 1, ValidationAccuracy = 0.5 });
        db.Predictions.AddRange(slices.Where(s => s.Split == SplitPart.Test).Select(s => new Prediction
        {
            RunId = run.Id, SliceId = s.Id, Label = s.Label, Predicted = 0, Probabilities = [0.6f, 0.4f],
        }));
        var overlay = $"matrix/{marker}/overlay.png";
        var values = $"matrix/{marker}/values.bin";
        store.Write(overlay, Png16Codec.Encode(new SliceImage(8, 8, new ushort[64])));
        store.Write(values, new byte[64 * sizeof(float)]);
        var attribution = new StoredAttribution
        {
            RunId = run.Id, SliceId = slices[0].Id, Method = "vanilla-gradient", ParametersHash = marker[..16], Parameters = "{}",
            CacheKey = marker, Channels = 1, Height = 8, Width = 8, OverlayPath = overlay, ValuesPath = values, IouTop30 = 0.5,
            CreatedAt = created,
        };
        db.StoredAttributions.Add(attribution);
        var embedding = new Embedding
        {
            DatasetId = dataset.Id, Split = "test", CacheKey = marker, Status = EmbeddingStatus.Queued, CreatedAt = created,
        };
        db.Embeddings.Add(embedding);
        await db.SaveChangesAsync();
        // An external evaluation of the run on its own dataset, with one prediction (the marker is in the dataset's name).
        var evaluation = new RunEvaluation
        {
            TeamId = teamId, RunId = run.Id, DatasetId = dataset.Id, Split = EvaluationSplit.Test, Status = RunEvaluationStatus.Succeeded,
            Progress = 1, Samples = 1, MetricsJson = JsonSerializer.Serialize(stored), CreatedAt = created, FinishedAt = created,
            ClassMapJson = new XaiLab.Web.Services.Evaluations.StoredClassMap(1, new Dictionary<string, string> { ["a"] = "a", ["b"] = "b" }).ToJson(),
        };
        db.RunEvaluations.Add(evaluation);
        await db.SaveChangesAsync();
        db.EvaluationPredictions.Add(new EvaluationPrediction { EvaluationId = evaluation.Id, SliceId = slices[0].Id, Label = 0, Predicted = 0, Probabilities = [0.6f, 0.4f] });
        var request = new AttributionRequest
        {
            TeamId = teamId, RunIds = [run.Id], Methods = ["vanilla-gradient"], SliceIds = [slices[0].Id], MapIds = [attribution.Id],
            Status = AttributionRequestStatus.Succeeded, Total = 1, Done = 1, CreatedAt = created,
        };
        db.AttributionRequests.Add(request);
        await db.SaveChangesAsync();
        await Factory.Services.GetRequiredService<SanityCheckStore>().WriteAsync(
            new SanityCheckResponse(run.Id, SanityCheckStatus.Succeeded, null, ["vanilla-gradient"], [slices[0].Id], 0.5, [], created));
        // An explained scan of the team's run, as ScanExplanationService and ScanJob leave it.
        var scan = new XaiLab.Web.Services.Scans.ScanRecord(Guid.NewGuid().ToString("N"), run.Id, teamId, "scan.png",
            XaiLab.Engine.Datasets.Scans.ScanFormat.Image, ["vanilla-gradient"], null, created, DateTimeOffset.UtcNow.AddHours(1));
        store.Write(scan.RecordPath, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(scan, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        store.Write(scan.ImagePath, Png16Codec.Encode(new SliceImage(8, 8, new ushort[64])));
        store.Write(scan.OverlayPath("vanilla-gradient"), Png16Codec.Encode(new SliceImage(8, 8, new ushort[64])));
        store.Write(scan.ValuesPath("vanilla-gradient"), new byte[64 * sizeof(float)]);
        return new TeamObjects(teamId, marker, dataset.Id, importing.Id, run.Id, slices[0].Id, attribution.Id, embedding.Id, request.Id, "vanilla-gradient", evaluation.Id, scan.Token);
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
