using Hangfire;
using Hangfire.Storage.SQLite;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using Microsoft.AspNetCore.Http;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;
using XaiLab.Web.Services.Embeddings;

namespace XaiLab.Tests.Web.Services.Embeddings;

public sealed class EmbeddingServiceTests : IDisposable
{
    private readonly SqliteDatabase database = new();
    private readonly EmbeddingService service;

    public EmbeddingServiceTests()
    {
        var jobs = new BackgroundJobClient(new SQLiteStorage(Path.Combine(database.Folder, "hangfire.db")));
        var researcher = new FixedCurrentUser(XaiLabRoles.Researcher, Team.DefaultTeamId);
        service = new EmbeddingService(database.Factory, jobs, new ArtifactStore(Path.Combine(database.Folder, "artifacts")), TimeProvider.System,
            new TeamAccess(researcher), new AuditLog(database.Factory, researcher, new HttpContextAccessor(), TimeProvider.System));
    }

    [Fact]
    public async Task Request_SameInputsReturnTheSameEmbeddingAndDifferentParametersANewOne()
    {
        var (datasetId, runId) = Seed();
        var request = new CreateEmbeddingRequest("trained", "tsne", 30, 1000, 1, "test");

        var first = await service.RequestForRunAsync(runId, request);
        var again = await service.RequestForRunAsync(runId, request);
        var otherSeed = await service.RequestForRunAsync(runId, request with { Seed = 2 });
        var initial = await service.RequestForRunAsync(runId, request with { Source = "initial" });
        var pixels = await service.RequestForDatasetAsync(datasetId, request);

        Assert.Equal(first, again);
        Assert.Equal(4, new[] { first, otherSeed, initial, pixels }.Distinct().Count());
        Assert.Equal(4, (await service.ListForRunAsync(runId)).Count);
        Assert.Equal(EmbeddingStatus.Queued, (await service.GetAsync(first))!.Status);
    }

    [Fact]
    public async Task Request_PcaIgnoresTheTsneParameters()
    {
        var (datasetId, _) = Seed();

        var first = await service.RequestForDatasetAsync(datasetId, new CreateEmbeddingRequest(null, "pca", 10, 500, 0, null));
        var second = await service.RequestForDatasetAsync(datasetId, new CreateEmbeddingRequest(null, "pca", 40, 2000, 0, null));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Request_RejectsUnknownProjectionAndUntrainedWeights()
    {
        var (_, runId) = Seed(completedEpochs: 0);

        await Assert.ThrowsAsync<RequestValidationException>(() =>
            service.RequestForRunAsync(runId, new CreateEmbeddingRequest("initial", "umap", null, null, null, null)));
        var untrained = await Assert.ThrowsAsync<RequestValidationException>(() =>
            service.RequestForRunAsync(runId, new CreateEmbeddingRequest("trained", null, null, null, null, null)));
        Assert.True(untrained.Conflict);
    }

    private (int DatasetId, int RunId) Seed(int completedEpochs = 2)
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", Status = DatasetStatus.Ready, ClassNames = ["a", "b"], VersionHash = "v1" };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 2, CompletedEpochs = completedEpochs, ImageSize = 32, BatchSize = 8, LearningRate = 1e-3, Seed = 3,
            CheckpointPath = completedEpochs > 0 ? "runs/1/checkpoint.bin" : null,
        };
        db.Runs.Add(run);
        db.SaveChanges();
        return (dataset.Id, run.Id);
    }

    public void Dispose() => database.Dispose();
}
