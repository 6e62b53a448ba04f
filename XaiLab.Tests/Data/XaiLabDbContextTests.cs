using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Data;

/// <summary>The model on both providers: migrations, constraints, converters of instants, lists and JSON columns.</summary>
public sealed class XaiLabDbContextTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Migrations_CreateTheDefaultTeam(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var db = database.Create();
        var team = db.Teams.Single();
        Assert.Equal(Team.DefaultTeamId, team.Id);
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Teams_ANewTeamGetsAFreshIdBesideTheSeededOne(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var db = database.Create();
        var team = new Team { Name = "second" };
        db.Teams.Add(team);
        db.SaveChanges();
        Assert.NotEqual(Team.DefaultTeamId, team.Id);
        Assert.Equal(2, db.Teams.Count());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void EpochMetrics_AnEpochCannotBeStoredTwice(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var runId = SeedRun(database);
        using (var db = database.Create())
        {
            db.EpochMetrics.Add(new EpochMetric { RunId = runId, Epoch = 1, TrainLoss = 1 });
            db.SaveChanges();
        }

        using var other = database.Create();
        other.EpochMetrics.Add(new EpochMetric { RunId = runId, Epoch = 1, TrainLoss = 2 });
        Assert.Throws<DbUpdateException>(() => other.SaveChanges());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void ForeignKeys_ARunOfAMissingDatasetIsRefused(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        using var db = database.Create();
        db.Runs.Add(new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = 4242, Architecture = "smallcnn", Device = "cpu" });
        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Dataset_ClassNamesAndInstantsRoundTripAndCompareOnTheServer(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var created = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(2));
        int id;
        using (var db = database.Create())
        {
            var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", ClassNames = ["glioma", "meningioma"], CreatedAt = created };
            db.Datasets.Add(dataset);
            db.Datasets.Add(new Dataset { TeamId = Team.DefaultTeamId, Name = "older", CreatedAt = created.AddDays(-1) });
            db.SaveChanges();
            id = dataset.Id;
        }
        using (var db = database.Create())
        {
            var dataset = db.Datasets.Single(d => d.Id == id);
            Assert.Equal(["glioma", "meningioma"], dataset.ClassNames);
            Assert.Equal(created, dataset.CreatedAt);
            Assert.Equal(1, db.Datasets.Count(d => d.CreatedAt > created.AddMinutes(-1)));
            Assert.Equal(["older", "d"], db.Datasets.OrderBy(d => d.CreatedAt).Select(d => d.Name).ToList());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void ListColumns_RoundTripAndFilterByMembership(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var runId = SeedRun(database);
        int requestId;
        using (var db = database.Create())
        {
            var request = new AttributionRequest { RunIds = [runId], Methods = ["grad-cam", "occlusion"], SliceIds = [3, 1, 2], MapIds = [7] };
            db.AttributionRequests.Add(request);
            db.Predictions.Add(new Prediction { RunId = runId, SliceId = SeedSlice(db, runId), Probabilities = [0.25f, 0.75f] });
            db.SaveChanges();
            requestId = request.Id;
        }
        using (var db = database.Create())
        {
            var request = db.AttributionRequests.Single(r => r.Id == requestId);
            Assert.Equal([3, 1, 2], request.SliceIds);
            Assert.Equal(["grad-cam", "occlusion"], request.Methods);
            Assert.Equal([0.25f, 0.75f], db.Predictions.Single().Probabilities);
            int[] wanted = [runId, runId + 100];
            Assert.Equal(1, db.Runs.Count(r => wanted.Contains(r.Id)));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void DatasetImportNoticesMigration_MovesTheImportsNoticesOutOfTheSplitWarnings(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        int id;
        using (var db = database.Create())
        {
            var dataset = new Dataset
            {
                TeamId = Team.DefaultTeamId, Name = "d", ClassNames = ["a", "b"],
                Warnings = ["6 patients are too few for a patient-grouped split", "3 files skipped: JPEG Baseline is compressed (first: a/b.dcm)"],
            };
            db.Datasets.Add(dataset);
            db.SaveChanges();
            id = dataset.Id;
        }
        using (var db = database.Create())
        {
            // Back to before the migration (its column goes) and up again: the mixed list of the old schema is split.
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_DatasetImportNotices", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            migrator.Migrate(previous);
            migrator.Migrate();
        }
        using (var db = database.Create())
        {
            var dataset = db.Datasets.Single(d => d.Id == id);
            Assert.Equal(["6 patients are too few for a patient-grouped split"], dataset.Warnings);
            Assert.Equal(["3 files skipped: JPEG Baseline is compressed (first: a/b.dcm)"], dataset.ImportNotices);
        }
    }

    private static int SeedRun(TestDatabase database)
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", ClassNames = ["a", "b"] };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var run = new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu" };
        db.Runs.Add(run);
        db.SaveChanges();
        return run.Id;
    }

    private static int SeedSlice(XaiLabDbContext db, int runId)
    {
        var datasetId = db.Runs.Where(r => r.Id == runId).Select(r => r.DatasetId).Single();
        var slice = new Slice { DatasetId = datasetId, PatientId = "p1", ImagePath = "x.png", ContentHash = "h" };
        db.Slices.Add(slice);
        db.SaveChanges();
        return slice.Id;
    }
}
