using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Entities;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// bUnit for whole pages: the application's real services over a migrated SQLite file and a real Hangfire SQLite storage
/// (nothing is processed: no server runs), with helpers that seed datasets and runs.
/// </summary>
public abstract class PageTestContext : MudBunitContext
{
    /// <summary>
    /// Pages render over an interactive server circuit in the app, and some controls wait for it (the Launch button).
    /// Runs after every constructor has registered its services: setting the renderer info builds the service provider.
    /// </summary>
    public override Task InitializeAsync()
    {
        Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return base.InitializeAsync();
    }

    protected PageTestContext()
    {
        Services.AddSingleton(Database.Factory);
        Services.AddSingleton(Notifier);
        Services.AddSingleton(TimeProvider.System);
        Services.AddJobExecutions();
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(Database.Folder, "hangfire.db"))));
        Services.AddScoped<RunService>();
        Services.AddScoped<XaiLab.Web.Services.Evaluations.EvaluationService>();
        Services.TryAddSingleton(new XaiLab.Data.Artifacts.ArtifactStore(Path.Combine(Database.Folder, "artifacts")));
        Services.AddDeletionFromPages(Database.Folder);
        Services.AddScoped<RunComparisonService>();
        Services.AddScoped<DatasetService>();
    }

    protected SqliteDatabase Database { get; } = new();

    protected RunProgressNotifier Notifier { get; } = new();

    /// <summary>A user with the Annotator role in the default team.</summary>
    protected void SeedAnnotator(string userId)
    {
        using var db = Database.Create();
        var role = db.Roles.FirstOrDefault(r => r.Name == XaiLab.Web.Services.Accounts.XaiLabRoles.Annotator);
        if (role is null)
        {
            role = new Microsoft.AspNetCore.Identity.IdentityRole(XaiLab.Web.Services.Accounts.XaiLabRoles.Annotator) { NormalizedName = XaiLab.Web.Services.Accounts.XaiLabRoles.Annotator.ToUpperInvariant() };
            db.Roles.Add(role);
        }
        db.Users.Add(new XaiLab.Data.Entities.XaiLabUser { Id = userId, UserName = userId, NormalizedUserName = userId.ToUpperInvariant(), Email = $"{userId}@xailab.test" });
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = userId, RoleId = role.Id });
        db.TeamMemberships.Add(new XaiLab.Data.Entities.TeamMembership { UserId = userId, TeamId = XaiLab.Data.Entities.Team.DefaultTeamId });
        db.SaveChanges();
    }

    protected int SeedDataset(string name = "phantoms", params string[] classNames)
    {
        using var db = Database.Create();
        var dataset = new Dataset
        {
            TeamId = Team.DefaultTeamId, Name = name, Status = DatasetStatus.Ready,
            ClassNames = classNames.Length > 0 ? [.. classNames] : ["a", "b"],
        };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        return dataset.Id;
    }

    /// <summary>One training and one test slice (rows only), so that a run can be launched on the dataset.</summary>
    protected void SeedTrainableSlices(int datasetId)
    {
        using var db = Database.Create();
        db.Slices.AddRange(
            new Slice { DatasetId = datasetId, Index = 0, PatientId = "p0", Label = 0, Split = SplitPart.Train, Width = 8, Height = 8, BitDepth = 16, ImagePath = $"none/{datasetId}-0.png", ContentHash = $"{datasetId}-0" },
            new Slice { DatasetId = datasetId, Index = 1, PatientId = "p1", Label = 1, Split = SplitPart.Test, Width = 8, Height = 8, BitDepth = 16, ImagePath = $"none/{datasetId}-1.png", ContentHash = $"{datasetId}-1" });
        db.SaveChanges();
    }

    /// <summary>A finished run with a 2-class evaluation whose confusion matrix is <paramref name="counts"/>.</summary>
    protected int SeedRun(int datasetId, string architecture, int seed, int[][] counts, string? tags = null, int epochs = 2)
    {
        var total = counts.Sum(row => row.Sum());
        var accuracy = Enumerable.Range(0, counts.Length).Sum(i => counts[i][i]) / (double)total;
        var evaluation = new StoredEvaluation(accuracy, accuracy, accuracy, ["a", "b"], counts, [accuracy, accuracy],
            [accuracy, accuracy], [accuracy, accuracy], [counts[0].Sum(), counts[1].Sum()], [0.5, 0.5]);
        using var db = Database.Create();
        var start = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = datasetId, Architecture = architecture, Device = "cpu",
            Status = RunStatus.Succeeded, Epochs = epochs, CompletedEpochs = epochs, ImageSize = 64, BatchSize = 16,
            LearningRate = 1e-3, Seed = seed, Progress = 1, TestAccuracy = accuracy, Tags = tags,
            EvaluationJson = JsonSerializer.Serialize(evaluation), CreatedAt = start, StartedAt = start, FinishedAt = start.AddSeconds(60),
        };
        db.Runs.Add(run);
        db.SaveChanges();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            db.EpochMetrics.Add(new EpochMetric
            {
                RunId = run.Id, Epoch = epoch, TrainLoss = 1.0 / epoch, TrainAccuracy = 0.5 + 0.1 * epoch,
                ValidationLoss = 1.2 / epoch, ValidationAccuracy = 0.4 + 0.1 * epoch, LearningRate = 1e-3,
            });
        }
        db.SaveChanges();
        return run.Id;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
    }
}
