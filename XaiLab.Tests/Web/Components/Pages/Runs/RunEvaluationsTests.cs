using Microsoft.Extensions.DependencyInjection.Extensions;
using Bunit;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Runs;
using XaiLab.Web.Services.Evaluations;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Web.Components.Pages.Runs;

/// <summary>The run page's Evaluations section over the real services and a migrated SQLite file (no job runs).</summary>
public sealed class RunEvaluationsTests : MudBunitContext
{
    private readonly SqliteDatabase database = new();

    public RunEvaluationsTests()
    {
        Services.AddSingleton(database.Factory);
        Services.AddSingleton(new RunProgressNotifier());
        Services.AddSingleton(TimeProvider.System);
        Services.AddJobExecutions();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(database.Folder, "hangfire.db"))));
        Services.AddScoped<RunService>();
        Services.AddScoped<EvaluationService>();
        Services.TryAddSingleton(new XaiLab.Data.Artifacts.ArtifactStore(Path.Combine(database.Folder, "artifacts")));
        Services.AddDeletionFromPages(database.Folder);
    }

    /// <summary>The page renders over an interactive server circuit (the Evaluate button waits for it).</summary>
    public override Task InitializeAsync()
    {
        Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return base.InitializeAsync();
    }

    [Fact]
    public void Section_ShowsTheInternalTestBesideEachExternalSet_WithTheAccuracyDifferenceAndItsInterval()
    {
        var (runId, externalId) = Seed(withEvaluation: true);

        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-row]")));
        var internalRow = cut.Find("[data-testid=evaluation-internal]").TextContent;
        Assert.Contains("75.0%", internalRow);
        Assert.Contains("own", internalRow);
        var row = cut.Find("[data-testid=evaluation-row]");
        Assert.Contains("other hospital", row.TextContent);
        Assert.Equal("25.0%", cut.Find("[data-testid=evaluation-accuracy]").TextContent.Trim());
        // Internal 3 of 4 right, external 1 of 4: −50 pp, and the interval of the same unpaired bootstrap the service uses.
        var interval = UnpairedBootstrap.AccuracyDifference([true, false, false, false], [true, true, false, true]);
        Assert.Equal($"{Points(-0.5)} pp ({Points(interval.Lower)} to {Points(interval.Upper)})",
            cut.Find("[data-testid=evaluation-difference]").TextContent.Trim());
        var ece = Calibration.Compute([0, 0, 1, 1], [[0.9f, 0.1f], [0.2f, 0.8f], [0.7f, 0.3f], [0.6f, 0.4f]]).ExpectedCalibrationError;
        Assert.Equal(ece.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=evaluation-ece]").TextContent.Trim());
        Assert.Equal("succeeded", cut.Find("[data-testid=evaluation-status]").TextContent.Trim());
        Assert.Contains($"/runs/{runId}/saliency-scores?datasetId={externalId}", row.InnerHtml);
    }

    [Fact]
    public void Evaluate_QueuesAnEvaluationOfTheChosenDataset_AndListsIt()
    {
        var (runId, externalId) = Seed(withEvaluation: false);
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=evaluate]").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll("[data-testid=evaluation-row]"));

        cut.Find("[data-testid=evaluate]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-row]")));
        Assert.StartsWith("queued", cut.Find("[data-testid=evaluation-status]").TextContent.Trim());
        using var db = database.Create();
        var evaluation = db.RunEvaluations.Single();
        // The newest dataset other than the run's own is preselected; every slice of it by default.
        Assert.Equal((runId, externalId, EvaluationSplit.All, RunEvaluationStatus.Queued, 4),
            (evaluation.RunId, evaluation.DatasetId, evaluation.Split, evaluation.Status, evaluation.Samples));
        Assert.Contains("evaluation.request", db.AuditEntries.Select(e => e.Action).ToList());
    }

    private static string Points(double share) => (share * 100).ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A succeeded run (3 of 4 test slices right) and another hospital's dataset of 4 slices; optionally a
    /// succeeded evaluation of the run on it with 1 of 4 right.</summary>
    private (int RunId, int ExternalId) Seed(bool withEvaluation)
    {
        using var db = database.Create();
        var own = new Dataset { TeamId = Team.DefaultTeamId, Name = "home", Status = DatasetStatus.Ready, ClassNames = ["a", "b"] };
        var other = new Dataset { TeamId = Team.DefaultTeamId, Name = "other hospital", Status = DatasetStatus.Ready, ClassNames = ["A", "B"] };
        db.Datasets.AddRange(own, other);
        db.SaveChanges();
        var ownSlices = Slices(own.Id);
        var otherSlices = Slices(other.Id);
        db.Slices.AddRange(ownSlices.Concat(otherSlices));
        var stored = new StoredEvaluation(0.75, 0.73, 0.73, ["a", "b"], [[2, 0], [1, 1]], [0.67, 1], [1, 0.5], [0.8, 0.67], [2, 2], [1, 1]);
        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = own.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 1, CompletedEpochs = 1, ImageSize = 64, BatchSize = 16, LearningRate = 1e-3, Progress = 1, TestAccuracy = 0.75,
            EvaluationJson = stored.ToJson(), CheckpointPath = "runs/1/checkpoint.bin",
        };
        db.Runs.Add(run);
        db.SaveChanges();
        int[] predicted = [0, 0, 0, 1];
        for (var i = 0; i < 4; i++)
        {
            db.Predictions.Add(new Prediction { RunId = run.Id, SliceId = ownSlices[i].Id, Label = ownSlices[i].Label, Predicted = predicted[i], Probabilities = [0.8f, 0.2f] });
        }
        if (withEvaluation)
        {
            var evaluation = new RunEvaluation
            {
                TeamId = Team.DefaultTeamId, RunId = run.Id, DatasetId = other.Id, Split = EvaluationSplit.All, Status = RunEvaluationStatus.Succeeded,
                Progress = 1, Samples = 4, ClassMapJson = new StoredClassMap(1, new Dictionary<string, string> { ["A"] = "a", ["B"] = "b" }).ToJson(),
                MetricsJson = new StoredEvaluation(0.25, 0.2, 0.2, ["a", "b"], [[1, 1], [2, 0]], [0.33, 0], [0.5, 0], [0.4, 0], [2, 2], [0.5, 0.5]).ToJson(),
            };
            db.RunEvaluations.Add(evaluation);
            db.SaveChanges();
            float[][] probabilities = [[0.9f, 0.1f], [0.2f, 0.8f], [0.7f, 0.3f], [0.6f, 0.4f]];
            for (var i = 0; i < 4; i++)
            {
                db.EvaluationPredictions.Add(new EvaluationPrediction
                {
                    EvaluationId = evaluation.Id, SliceId = otherSlices[i].Id, Label = otherSlices[i].Label,
                    Predicted = probabilities[i][0] >= probabilities[i][1] ? 0 : 1, Probabilities = probabilities[i],
                });
            }
        }
        db.SaveChanges();
        return (run.Id, other.Id);
    }

    private static List<Slice> Slices(int datasetId) => Enumerable.Range(0, 4).Select(i => new Slice
    {
        DatasetId = datasetId, Index = i, PatientId = $"p{i}", Label = i / 2, Split = SplitPart.Test, Width = 8, Height = 8, BitDepth = 16,
        ImagePath = $"datasets/{datasetId}/{i}.png", ContentHash = $"{datasetId}-{i}",
    }).ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
