using Bunit;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Components.Pages.Embeddings;
using XaiLab.Web.Services.Embeddings;

namespace XaiLab.Tests.Web.Components.Pages.Embeddings;

public sealed class RunEmbeddingsTests : MudBunitContext
{
    private readonly SqliteDatabase database = new();
    private readonly ArtifactStore store;

    public RunEmbeddingsTests()
    {
        store = new ArtifactStore(Path.Combine(database.Folder, "artifacts"));
        Services.AddSingleton(database.Factory);
        Services.AddSingleton(store);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(database.Folder, "hangfire.db"))));
        Services.AddScoped<EmbeddingService>();
        Services.AddJobExecutions();
    }

    [Fact]
    public void StoredEmbeddings_ShowSideBySideWithQualityAndTheirPoints()
    {
        var runId = Seed();

        var cut = Context.Render<RunEmbeddings>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=panel-trained] [data-testid=embedding-scatter]").GetAttribute("data-points")));
        Assert.Contains("trustworthiness 0.912", cut.Find("[data-testid=panel-trained] [data-testid=quality]").TextContent);
        Assert.Contains("silhouette 0.400", cut.Find("[data-testid=panel-trained] [data-testid=quality]").TextContent);
        Assert.Equal("3", cut.Find("[data-testid=panel-pixels] [data-testid=embedding-scatter]").GetAttribute("data-points"));
        Assert.Contains("Not computed yet", cut.Find("[data-testid=panel-initial]").TextContent);
    }

    [Fact]
    public void ToIndex_ReadsPlotlysJsonNumbers()
    {
        // Plotly.Blazor hands event indices over as JSON elements; Convert.ToInt32 cannot read those.
        var json = System.Text.Json.JsonDocument.Parse("""{"curve": 2, "point": 17, "text": "a"}""").RootElement;

        Assert.Equal(2, EmbeddingScatter.ToIndex(json.GetProperty("curve")));
        Assert.Equal(17, EmbeddingScatter.ToIndex(json.GetProperty("point")));
        Assert.Equal(-1, EmbeddingScatter.ToIndex(json.GetProperty("text")));
        Assert.Equal(-1, EmbeddingScatter.ToIndex(null));
        Assert.Equal(5, EmbeddingScatter.ToIndex(5L));
    }

    [Fact]
    public void BuildTraces_GroupsByCorrectnessAndKeepsSliceIdsPerTrace()
    {
        EmbeddingPointResponse[] points =
        [
            new(10, 0, 0, "a", SplitPart.Test, "a"),
            new(11, 1, 1, "a", SplitPart.Test, "b"),
            new(12, 2, 2, "b", SplitPart.Test, "b"),
            new(13, 3, 3, "b", SplitPart.Train, null),
        ];

        var (traces, ids) = EmbeddingScatter.BuildTraces(points, "correctness");

        Assert.Equal(["correct", "unknown", "wrong"], traces.Cast<Plotly.Blazor.Traces.ScatterGl>().Select(t => t.Name));
        Assert.Equal([10, 12], ids[0]);
        Assert.Equal(13, EmbeddingScatter.SliceIdAt(ids, 1, 0));
        Assert.Equal(-1, EmbeddingScatter.SliceIdAt(ids, 3, 0));
        Assert.Equal(["test", "train"], EmbeddingScatter.BuildTraces(points, "split").Traces.Cast<Plotly.Blazor.Traces.ScatterGl>().Select(t => t.Name));
    }

    private int Seed()
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "phantoms", Status = DatasetStatus.Ready, ClassNames = ["a", "b"] };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var slices = Enumerable.Range(0, 3).Select(i => new Slice
        {
            DatasetId = dataset.Id, Index = i, PatientId = $"p{i}", Label = i % 2, Split = SplitPart.Test, Width = 8, Height = 8,
            BitDepth = 8, ImagePath = $"s{i}.png", ContentHash = $"h{i}",
        }).ToList();
        db.Slices.AddRange(slices);
        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 1, CompletedEpochs = 1, ImageSize = 32, BatchSize = 8, LearningRate = 1e-3,
        };
        db.Runs.Add(run);
        db.SaveChanges();
        var ids = slices.Select(s => s.Id).ToList();
        store.Write("embeddings/points.bin", EmbeddingPointsCodec.Encode(ids, [0, 0, 1, 1, 2, 2]));
        foreach (var (source, runId) in new[] { (EmbeddingSource.Trained, (int?)run.Id), (EmbeddingSource.Pixels, null) })
        {
            db.Embeddings.Add(new Embedding
            {
                DatasetId = dataset.Id, RunId = runId, Source = source, Projection = EmbeddingProjection.Tsne, Split = "test",
                Perplexity = 30, Iterations = 1000, CacheKey = $"key-{source}", Status = EmbeddingStatus.Succeeded,
                PointsPath = "embeddings/points.bin", PointCount = 3, Trustworthiness = 0.9123, KnnAccuracy2d = 1,
                KnnAccuracyFeatures = 1, Silhouette = 0.4,
            });
        }
        db.SaveChanges();
        return run.Id;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
