using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Attributions;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Tests.Web.Components.Pages.Attributions;

public sealed class SaliencyScorecardTests : PageTestContext
{
    public SaliencyScorecardTests()
    {
        Services.AddScoped<SaliencyScoreService>();
        Services.AddSingleton(new ArtifactStore(Path.Combine(Database.Folder, "artifacts")));
        Services.AddSingleton<SanityCheckStore>();
        Services.AddSingleton(Options.Create(new SanityCheckOptions()));
        Services.AddScoped<SanityCheckService>();
    }

    [Fact]
    public async Task StoredSanityCheck_FlagsTheMethodWhoseMapsBarelyChange()
    {
        var runId = SeedRun(SeedDataset(), "smallcnn", 1, [[2, 0], [0, 2]]);
        SeedScores(runId, "grad-cam", [0.6, 0.4]);
        SeedScores(runId, "vanilla-gradient", [0.2, 0.1]);
        var store = Context.Services.GetRequiredService<SanityCheckStore>();
        await store.WriteAsync(new SanityCheckResponse(runId, SanityCheckStatus.Succeeded, null, ["grad-cam", "vanilla-gradient"], [1, 2], 0.5,
        [
            new("grad-cam", 2, [new("conv1", 5, 0.9, 0.8), new("conv1", 9, 0.7, 0.6)], 0.7, 0.6, true),
            new("vanilla-gradient", 2, [new("conv1", 5, 0.3, 0.2), new("conv1", 9, 0.05, 0.1)], 0.05, 0.1, false),
        ], DateTimeOffset.UnixEpoch));

        var cut = Context.Render<SaliencyScorecard>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=scorecard] tbody tr").Count));
        var rows = cut.FindAll("[data-testid=scorecard] tbody tr");
        var gradCam = rows.Single(r => r.QuerySelector("[data-testid=method]")!.TextContent == "grad-cam");
        Assert.Contains("0.700", gradCam.QuerySelector("[data-testid=sanity]")!.TextContent);
        Assert.NotNull(gradCam.QuerySelector("[data-testid=sanity-flag]"));
        var vanilla = rows.Single(r => r.QuerySelector("[data-testid=method]")!.TextContent == "vanilla-gradient");
        Assert.Null(vanilla.QuerySelector("[data-testid=sanity-flag]"));
        Assert.Equal(2, cut.FindAll("[data-testid=sanity-table] tbody tr").Count);
        Assert.Equal("succeeded", cut.Find("[data-testid=sanity-status]").TextContent.Trim());
    }

    [Fact]
    public void Viewer_SeesTheScorecard_ButNoRunSanityCheckButton()
    {
        SignInAs(XaiLab.Web.Services.Accounts.XaiLabRoles.Viewer, XaiLab.Data.Entities.Team.DefaultTeamId);
        var runId = SeedRun(SeedDataset(), "smallcnn", 1, [[2, 0], [0, 2]]);
        SeedScores(runId, "grad-cam", [0.6, 0.4]);

        var cut = Context.Render<SaliencyScorecard>(p => p.Add(c => c.RunId, runId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=scorecard] tbody tr")));
        Assert.Empty(cut.FindAll("[data-testid=sanity-run]"));
    }

    [Fact]
    public async Task RunSanityCheck_QueuesOneForTheRunsMethods()
    {
        var runId = SeedRun(SeedDataset(), "smallcnn", 1, [[2, 0], [0, 2]]);
        using (var db = Database.Create())
        {
            db.Runs.Single(r => r.Id == runId).CheckpointPath = "runs/1/checkpoint.bin";
            db.SaveChanges();
        }
        SeedScores(runId, "grad-cam", [0.6, 0.4]);
        var cut = Context.Render<SaliencyScorecard>(p => p.Add(c => c.RunId, runId));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=scorecard] tbody tr")));

        cut.Find("[data-testid=sanity-run] button, button[data-testid=sanity-run]").Click();

        cut.WaitForAssertion(() => Assert.Equal("queued", cut.Find("[data-testid=sanity-status]").TextContent.Trim()));
        var check = await Context.Services.GetRequiredService<SanityCheckStore>().ReadAsync(runId);
        Assert.Equal(["grad-cam"], check!.RequestedMethods);
        Assert.Equal(2, check.SliceIds.Count);
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
