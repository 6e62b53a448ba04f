using Bunit;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Attributions;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Tests.Web.Components.Pages.Attributions;

public sealed class SaliencyScorecardTests : PageTestContext
{
    public SaliencyScorecardTests()
    {
        Services.AddScoped<SaliencyScoreService>();
    }

    [Fact]
    public void StoredScores_ShowOneLinePerMethodWithAgreementAtTheThreshold()
    {
        var datasetId = SeedDataset();
        var runId = SeedRun(datasetId, "smallcnn", 1, [[2, 0], [0, 2]]);
        // grad-cam's top-30% IoU: 0.6 and 0.4, so half the slices agree at 0.5; vanilla-gradient: 0.2 and 0.1, none.
        SeedScores(runId, "grad-cam", [0.6, 0.4]);
        SeedScores(runId, "vanilla-gradient", [0.2, 0.1]);

        var cut = Context.Render<SaliencyScorecard>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=scorecard] tbody tr").Count));
        var rows = cut.FindAll("[data-testid=scorecard] tbody tr");
        var gradCam = rows.Single(r => r.QuerySelector("[data-testid=method]")!.TextContent == "grad-cam");
        Assert.Equal("0.500", gradCam.QuerySelector("[data-testid=agreement]")!.TextContent);
        Assert.StartsWith("0.500 [0.400, 0.600]", gradCam.QuerySelector("[data-testid=iouTop30]")!.TextContent);
        var vanilla = rows.Single(r => r.QuerySelector("[data-testid=method]")!.TextContent == "vanilla-gradient");
        Assert.Equal("0.000", vanilla.QuerySelector("[data-testid=agreement]")!.TextContent);
        Assert.Equal($"/api/runs/{runId}/saliency-scores.csv", cut.Find("[data-testid=csv-export]").GetAttribute("href"));
    }

    [Fact]
    public void RunWithoutMaps_AsksForAttributionsFirst()
    {
        var runId = SeedRun(SeedDataset(), "smallcnn", 1, [[1, 0], [0, 1]]);

        var cut = Context.Render<SaliencyScorecard>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Contains("No maps of this run yet", cut.Find("[data-testid=no-scores]").TextContent));
    }

    private void SeedScores(int runId, string method, double[] iouTop30)
    {
        using var db = Database.Create();
        for (var i = 0; i < iouTop30.Length; i++)
        {
            var slice = new Slice
            {
                DatasetId = db.Runs.Single(r => r.Id == runId).DatasetId, Index = db.Slices.Count(), PatientId = "p", Label = 0,
                Split = SplitPart.Test, Width = 8, Height = 8, BitDepth = 8, ImagePath = "s.png", ContentHash = "h",
            };
            db.Slices.Add(slice);
            db.SaveChanges();
            db.StoredAttributions.Add(new StoredAttribution
            {
                RunId = runId, SliceId = slice.Id, Method = method, ParametersHash = "ab", Parameters = "defaults",
                CacheKey = $"{method}-{slice.Id}", Channels = 1, Height = 8, Width = 8, OverlayPath = "o.png", ValuesPath = "v.f32",
                MaskFraction = 0.2, PointingGame = i == 0, RelevanceMass = 0.5, RelevanceRank = 0.5, IouTop30 = iouTop30[i],
                DiceTop30 = 2 * iouTop30[i] / (1 + iouTop30[i]), Auc = 0.7, DeletionAuc = 0.3, InsertionAuc = 0.6,
            });
            db.SaveChanges();
        }
    }
}
