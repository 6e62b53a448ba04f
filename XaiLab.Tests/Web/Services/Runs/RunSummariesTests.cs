using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Tests.Web.Services.Runs;

public sealed class RunSummariesTests
{
    [Fact]
    public void ByArchitecture_GivesMeanAndSampleSdOverSeedsPerDataset()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        RunResponse Run(int id, string architecture, int dataset, double? accuracy, double seconds) => new(
            id, dataset, architecture, accuracy is null ? RunStatus.Failed : RunStatus.Succeeded, 1, 2, 2, 64, 16, 1e-3, id, "cpu",
            accuracy is null ? null : new RunMetricsResponse(accuracy.Value, accuracy.Value - 0.1, accuracy.Value), null, null,
            start, start, start.AddSeconds(seconds));

        var rows = RunSummaries.ByArchitecture(
        [
            Run(1, "smallcnn", 1, 0.8, 10), Run(2, "smallcnn", 1, 0.9, 20), Run(3, "smallcnn", 1, 1.0, 30),
            Run(4, "vgg16", 1, 0.95, 100), Run(5, "vgg16", 1, null, 5), Run(6, "smallcnn", 2, 0.5, 1),
        ]);

        Assert.Equal(3, rows.Count);
        Assert.Equal(("vgg16", 1, 1), (rows[0].Architecture, rows[0].DatasetId, rows[0].Runs));
        Assert.Null(rows[0].AccuracySd);
        var small = rows.Single(r => r is { Architecture: "smallcnn", DatasetId: 1 });
        Assert.Equal(0.9, small.AccuracyMean, 10);
        Assert.Equal(0.1, small.AccuracySd!.Value, 10);
        Assert.Equal(20, small.TrainSecondsMean!.Value, 10);
    }

    [Fact]
    public void SampleSd_UsesNMinusOne()
    {
        Assert.Equal(Math.Sqrt(32 / 7.0), RunSummaries.SampleSd([2, 4, 4, 4, 5, 5, 7, 9])!.Value, 12);
        Assert.Null(RunSummaries.SampleSd([1]));
    }
}
