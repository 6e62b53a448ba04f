using Microsoft.EntityFrameworkCore;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Data;

public sealed class XaiLabDbContextTests : IDisposable
{
    private readonly SqliteDatabase database = new();

    [Fact]
    public void Migrations_CreateTheDefaultTeam()
    {
        using var db = database.Create();
        var team = db.Teams.Single();
        Assert.Equal(Team.DefaultTeamId, team.Id);
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public void EpochMetrics_AnEpochCannotBeStoredTwice()
    {
        using var db = database.Create();
        var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", ClassNames = ["a", "b"] };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        var run = new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu" };
        db.Runs.Add(run);
        db.SaveChanges();
        db.EpochMetrics.Add(new EpochMetric { RunId = run.Id, Epoch = 1, TrainLoss = 1 });
        db.SaveChanges();

        using var other = database.Create();
        other.EpochMetrics.Add(new EpochMetric { RunId = run.Id, Epoch = 1, TrainLoss = 2 });
        Assert.Throws<DbUpdateException>(() => other.SaveChanges());
    }

    [Fact]
    public void Dataset_ClassNamesAndInstantsRoundTrip()
    {
        var created = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(2));
        int id;
        using (var db = database.Create())
        {
            var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "d", ClassNames = ["glioma", "meningioma"], CreatedAt = created };
            db.Datasets.Add(dataset);
            db.SaveChanges();
            id = dataset.Id;
        }
        using (var db = database.Create())
        {
            var dataset = db.Datasets.Single(d => d.Id == id);
            Assert.Equal(["glioma", "meningioma"], dataset.ClassNames);
            Assert.Equal(created, dataset.CreatedAt);
            Assert.Equal(1, db.Datasets.Count(d => d.CreatedAt > created.AddMinutes(-1)));
        }
    }

    public void Dispose() => database.Dispose();
}
