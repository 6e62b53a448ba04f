using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Models;
using Hangfire;
using Hangfire.Storage.SQLite;
using XaiLab.Data.Artifacts;
using XaiLab.Web.Jobs.Artifacts;
using XaiLab.Web.Services.Models;

namespace XaiLab.Tests.Web.Components.Pages.Models;

[Collection(TorchCollection.Name)]
public sealed class ModelComparisonTests : MudBunitContext
{
    private readonly SqliteDatabase database = new();

    public ModelComparisonTests()
    {
        store = new ArtifactStore(Path.Combine(database.Folder, "artifacts"));
        Services.AddSingleton(database.Factory);
        Services.AddSingleton(store);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(database.Folder, "hangfire.db"))));
        Services.AddSingleton<ComputedArtifacts>();
        Services.AddSingleton<ModelDescriptions>();
        Services.AddScoped<ModelTableService>();
    }

    private readonly ArtifactStore store;

    /// <summary>What a worker's job writes for the page's configuration, computed here for real (the test host has libtorch).</summary>
    private Task DescribeAsWorkerAsync(ModelQuery query) =>
        new ArtifactJob(database.Factory, store, new ModelPropertiesCache(NullLogger<ModelPropertiesCache>.Instance))
            .DescribeModelsAsync(query.Size, query.Channels, query.Classes, ModelDescriptions.PathOf(query), CancellationToken.None);

    [Fact]
    public async Task Table_ShowsAccuracyPerDatasetOverSucceededRunsAndMeanTrainTime()
    {
        await DescribeAsWorkerAsync(new ModelQuery(32, 1, 3));
        var figshare = SeedDataset("figshare");
        var covid = SeedDataset("covid");
        var start = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        SeedRun(figshare, "smallcnn", RunStatus.Succeeded, 0.80, start, TimeSpan.FromSeconds(60));
        SeedRun(figshare, "smallcnn", RunStatus.Succeeded, 0.90, start, TimeSpan.FromSeconds(120));
        SeedRun(figshare, "smallcnn", RunStatus.Succeeded, 1.00, start, TimeSpan.FromSeconds(180));
        SeedRun(figshare, "smallcnn", RunStatus.Failed, 0.10, start, TimeSpan.FromSeconds(999));
        SeedRun(covid, "resnet50", RunStatus.Succeeded, 0.70, start, TimeSpan.FromSeconds(30));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/models?size=32&channels=1&classes=3");

        var cut = Context.Render<ModelComparison>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=model-architecture]")), TimeSpan.FromSeconds(60));
        var rows = cut.FindAll("[data-testid=model-table] tbody tr")
            .ToDictionary(r => r.QuerySelector("[data-testid=model-architecture]")!.TextContent.Trim());
        Assert.Equal(XaiLab.Engine.Models.ArchitectureNames.All.Count, rows.Count);
        var headers = cut.FindAll("[data-testid=model-table] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Accuracy · figshare", "Accuracy · covid"], headers.Where(h => h.StartsWith("Accuracy", StringComparison.Ordinal)));

        var smallCnn = rows["smallcnn"].QuerySelectorAll("[data-testid=model-accuracy]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["90.0% ± 10.0 (n=3)", "–"], smallCnn);
        Assert.Equal("2 min 0 s", rows["smallcnn"].QuerySelector("[data-testid=model-train-time]")!.TextContent.Trim());
        var resnet = rows["resnet50"].QuerySelectorAll("[data-testid=model-accuracy]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["–", "70.0% ± 0.0 (n=1)"], resnet);
        Assert.Equal("–", rows["vgg16"].QuerySelector("[data-testid=model-train-time]")!.TextContent.Trim());
        Assert.Contains("75", rows["inceptionv3"].QuerySelector("[data-testid=model-error]")!.TextContent);
        Assert.Equal("/api/models.csv?size=32&channels=1&classes=3", cut.Find("[data-testid=csv-export]").GetAttribute("href"));
    }

    private int SeedDataset(string name)
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = name, Status = DatasetStatus.Ready, ClassNames = ["a", "b"] };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        return dataset.Id;
    }

    private void SeedRun(int datasetId, string architecture, RunStatus status, double accuracy, DateTimeOffset start, TimeSpan duration)
    {
        using var db = database.Create();
        db.Runs.Add(new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = datasetId, Architecture = architecture, Device = "cpu", Status = status,
            Epochs = 2, CompletedEpochs = 2, ImageSize = 64, BatchSize = 16, LearningRate = 1e-3, Progress = 1,
            TestAccuracy = accuracy, CreatedAt = start, StartedAt = start, FinishedAt = start + duration,
        });
        db.SaveChanges();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
