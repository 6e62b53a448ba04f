using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json;
using Bunit;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Runs;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Web.Components.Pages.Runs;

public sealed class RunDetailTests : MudBunitContext
{
    private readonly SqliteDatabase database = new();
    private readonly RunProgressNotifier notifier = new();

    public RunDetailTests()
    {
        Services.AddSingleton(database.Factory);
        Services.AddSingleton(notifier);
        Services.AddSingleton(TimeProvider.System);
        Services.AddJobExecutions();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(database.Folder, "hangfire.db"))));
        Services.AddScoped<RunService>();
        Services.AddScoped<XaiLab.Web.Services.Evaluations.EvaluationService>();
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
    public void FinishedRun_ShowsAccuracyConfusionMatrixAndEpochs()
    {
        var runId = SeedRun(RunStatus.Succeeded, completedEpochs: 2, new StoredEvaluation(0.75, 0.7, 0.74, ["a", "b"], [[3, 1], [1, 3]],
            [0.75, 0.75], [0.75, 0.75], [0.75, 0.75], [4, 4], [0.8, 0.8]));

        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Contains("Accuracy 75.0%", cut.Find("[data-testid=test-accuracy]").TextContent));
        Assert.Equal("succeeded", cut.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=confusion-matrix] tbody tr").Count);
        Assert.Contains("Finished", cut.Markup);
    }

    [Fact]
    public void RunningRun_ReRendersWhenProgressIsPublished()
    {
        var runId = SeedRun(RunStatus.Running, completedEpochs: 1, evaluation: null);
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));
        cut.WaitForAssertion(() => Assert.Equal("running", cut.Find("[data-testid=run-status]").TextContent.Trim()));

        notifier.Publish(new RunProgress(runId, RunStatus.Running, 0.45, RunStage.Training, 2, 4, 3, 10, 0.6931, TimeSpan.FromSeconds(90)));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Epoch 2 of 4 · batch 3 of 10", cut.Markup);
            Assert.Contains("loss 0.6931", cut.Markup);
            Assert.Contains("about 1 min 30 s left", cut.Markup);
            Assert.Contains("45%", cut.Find("[data-testid=run-progress]").TextContent);
        });
    }

    [Fact]
    public void FinishedRun_ShowsPerClassMetricsAndMisclassifiedSlices()
    {
        var runId = SeedRun(RunStatus.Succeeded, completedEpochs: 2, new StoredEvaluation(0.75, 0.7, 0.74, ["a", "b"], [[3, 1], [1, 3]],
            [0.6, 0.9], [0.75, 0.75], [0.667, 0.818], [4, 4], [0.8, 0.7]));
        using (var db = database.Create())
        {
            var run = db.Runs.Single(r => r.Id == runId);
            for (var i = 0; i < 4; i++)
            {
                var slice = new Slice
                {
                    DatasetId = run.DatasetId, Index = i, PatientId = $"p{i}", Label = i % 2, Split = SplitPart.Test,
                    Width = 8, Height = 8, BitDepth = 16, ImagePath = $"x/{i}.png", ContentHash = $"h{i}",
                };
                db.Slices.Add(slice);
                db.SaveChanges();
                db.Predictions.Add(new Prediction { RunId = runId, SliceId = slice.Id, Label = i % 2, Predicted = i < 2 ? 1 - i % 2 : i % 2, Probabilities = [0.5f, 0.5f] });
            }
            db.SaveChanges();
        }

        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=misclassified] img").Count));
        var rows = cut.FindAll("[data-testid=per-class] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("0.600", rows[0].TextContent);
        Assert.Contains("0.800", rows[0].TextContent);
        Assert.Contains("a → b", cut.Find("[data-testid=misclassified]").TextContent);
    }

    [Fact]
    public void FinishedRun_WithAnUndefinedAuc_ShowsADashForIt()
    {
        // A class absent from a small test split has no one-vs-rest AUC: stored as NaN, shown as "—", API null.
        var evaluation = new StoredEvaluation(0.75, 0.7, 0.74, ["a", "b"], [[4, 0], [0, 0]],
            [1, 0], [1, 0], [1, 0], [4, 0], [double.NaN, double.NaN]);
        Assert.Equal(evaluation.RocAuc, StoredEvaluation.FromJson(evaluation.ToJson())!.RocAuc);
        var auc = evaluation.ToAucResponse();
        Assert.Null(auc.Macro);
        Assert.All(auc.PerClass.Values, Assert.Null);
        var partly = (evaluation with { RocAuc = [0.8, double.NaN] }).ToAucResponse();
        Assert.Equal((0.8, (double?)null, 0.8), (partly.PerClass["a"]!.Value, partly.PerClass["b"], partly.Macro!.Value));

        var runId = SeedRun(RunStatus.Succeeded, completedEpochs: 2, evaluation);
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=per-class] tbody tr").Count));
        Assert.All(cut.FindAll("[data-testid=per-class] tbody tr"), row => Assert.EndsWith("—", row.TextContent.Trim()));
    }

    [Fact]
    public void MissingRun_SaysSo()
    {
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, 999));
        cut.WaitForAssertion(() => Assert.Contains("Run 999 does not exist", cut.Markup), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Delete_OfATrainingRun_SaysTheTrainingIsCancelledFirst_ThenDeletesItAndGoesToRuns()
    {
        var runId = SeedRun(RunStatus.Running, completedEpochs: 1, evaluation: null);
        var dialogs = ConfirmationDialogs.Render(Context);
        var cut = Context.Render<RunDetail>(p => p.Add(c => c.RunId, runId));

        cut.WaitForElement("[data-testid=delete-run]").Click();
        var question = ConfirmationDialogs.Confirm(dialogs, "The training is cancelled first.");

        Assert.Contains($"Delete run {runId}, its checkpoints", question, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.EndsWith("/runs", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        using var db = database.Create();
        Assert.False(db.Runs.Any(r => r.Id == runId));
        Assert.False(db.EpochMetrics.Any(m => m.RunId == runId));
        Assert.Equal(["run.cancel", "delete"], db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToList());
    }

    private int SeedRun(RunStatus status, int completedEpochs, StoredEvaluation? evaluation)
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "phantoms", Status = DatasetStatus.Ready, ClassNames = ["a", "b"] };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = status,
            Epochs = 4, CompletedEpochs = completedEpochs, ImageSize = 64, BatchSize = 16, LearningRate = 1e-3,
            Progress = completedEpochs / 4.0 * 0.9, TestAccuracy = evaluation?.Accuracy,
            EvaluationJson = evaluation?.ToJson(),
        };
        db.Runs.Add(run);
        db.SaveChanges();
        for (var epoch = 1; epoch <= completedEpochs; epoch++)
        {
            db.EpochMetrics.Add(new EpochMetric { RunId = run.Id, Epoch = epoch, TrainLoss = 1.0 / epoch, TrainAccuracy = 0.5 + 0.1 * epoch, LearningRate = 1e-3 });
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
