using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Components.Pages.Attributions;
using XaiLab.Web.Jobs.Attributions;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Tests.Web.Components.Pages.Attributions;

public sealed class CompareAttributionsTests : PageTestContext
{
    public CompareAttributionsTests()
    {
        Services.AddSingleton(new ArtifactStore(Path.Combine(Database.Folder, "artifacts")));
        Services.AddJobExecutions();
        Services.AddScoped<AttributionService>();
        Services.AddDeletionFromPages(Database.Folder);
    }

    [Fact]
    public void Delete_NamesItsMapsAndTheStudiesRatingThem_ThenDeletesAllOfThem()
    {
        var datasetId = SeedDataset("phantoms", "meningioma", "glioma");
        var run = SeedRun(datasetId, "smallcnn", 1, [[2, 0], [0, 2]]);
        var requestId = SeedRequest(datasetId, [run], ["vanilla-gradient"]);
        int studyId;
        using (var db = Database.Create())
        {
            var map = db.AttributionRequests.Single(r => r.Id == requestId).MapIds[0];
            var study = new Study { TeamId = Team.DefaultTeamId, Title = "Plausibility", Question = "Does it look at the tumour?", ScalePoints = 5 };
            db.Studies.Add(study);
            db.SaveChanges();
            db.StudyItems.Add(new StudyItem { StudyId = study.Id, MapId = map });
            db.SaveChanges();
            studyId = study.Id;
        }
        var dialogs = ConfirmationDialogs.Render(Context);
        var cut = Context.Render<CompareAttributions>(p => p.Add(c => c.RequestId, requestId));

        cut.WaitForElement("[data-testid=delete-request]").Click();
        ConfirmationDialogs.Confirm(dialogs, $"Delete attribution request {requestId} and its 2 map(s) that no other request shows, and studies {studyId} that rate them");

        cut.WaitForAssertion(() => Assert.EndsWith("/attributions/new", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        using var after = Database.Create();
        Assert.False(after.AttributionRequests.Any(r => r.Id == requestId));
        Assert.False(after.StoredAttributions.Any(a => a.RunId == run));
        Assert.False(after.Studies.Any(s => s.Id == studyId));
    }

    [Fact]
    public void FinishedRequest_ShowsOneRowPerSliceAndRunWithAPanePerMethod()
    {
        var datasetId = SeedDataset("phantoms", "meningioma", "glioma");
        var runA = SeedRun(datasetId, "smallcnn", 1, [[2, 0], [0, 2]]);
        var runB = SeedRun(datasetId, "resnet18", 2, [[2, 0], [0, 2]]);
        var requestId = SeedRequest(datasetId, [runA, runB], ["vanilla-gradient", "grad-cam"]);

        var cut = Context.Render<CompareAttributions>(p => p.Add(c => c.RequestId, requestId));

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=attribution-grid] tbody tr").Count));
        Assert.Equal(8, cut.FindAll("img[data-testid=pane]").Count);
        Assert.Equal("succeeded", cut.Find("[data-testid=request-status]").TextContent.Trim());
        var first = cut.FindAll("[data-testid=attribution-grid] tbody tr")[0];
        Assert.Contains("true glioma", first.TextContent);
        Assert.Contains("predicted meningioma (0.80)", first.TextContent);
        Assert.All(cut.FindAll("img[data-testid=pane]"), img => Assert.Equal("lazy", img.GetAttribute("loading")));
        Assert.Contains(cut.FindAll("img[data-testid=pane]"), img => img.GetAttribute("src")!.StartsWith($"/api/runs/{runB}/attributions/grad-cam/", StringComparison.Ordinal));
        Assert.All(cut.FindAll("img[data-testid=pane]"), img => Assert.DoesNotContain("ceiling", img.GetAttribute("src")));

        cut.Find("input[data-testid=shared-scale], [data-testid=shared-scale] input").Change(true);

        Assert.All(cut.FindAll("img[data-testid=pane]"), img => Assert.EndsWith("&ceiling=0.5", img.GetAttribute("src")));
    }

    [Fact]
    public void SignedSwitch_AsksEveryPaneForSignedValuesOnTheDivergingColormap_AndBack()
    {
        var datasetId = SeedDataset("phantoms", "meningioma", "glioma");
        var run = SeedRun(datasetId, "smallcnn", 1, [[2, 0], [0, 2]]);
        var requestId = SeedRequest(datasetId, [run], ["vanilla-gradient", "grad-cam"]);
        var cut = Context.Render<CompareAttributions>(p => p.Add(c => c.RequestId, requestId));
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("img[data-testid=pane]").Count));

        cut.Find("input[data-testid=signed], [data-testid=signed] input").Change(true);

        Assert.All(cut.FindAll("img[data-testid=pane]"), img => Assert.EndsWith("&colormap=bluered&opacity=0.5&sign=signed", img.GetAttribute("src")));
        Assert.Contains("sign=signed", cut.Find("[data-testid=export-png]").GetAttribute("href"));
        Assert.StartsWith($"/api/attributions/{requestId}/figure.pdf?colormap=bluered", cut.Find("[data-testid=export-pdf]").GetAttribute("href"));

        cut.Find("input[data-testid=signed], [data-testid=signed] input").Change(false);

        Assert.All(cut.FindAll("img[data-testid=pane]"), img => Assert.DoesNotContain("sign=", img.GetAttribute("src")));
    }

    [Fact]
    public void ClickingAPane_OpensTheLargeViewComparedWithTheSameMethodOfTheOtherRun()
    {
        var datasetId = SeedDataset("phantoms", "meningioma", "glioma");
        var runA = SeedRun(datasetId, "smallcnn", 1, [[2, 0], [0, 2]]);
        var runB = SeedRun(datasetId, "resnet18", 2, [[2, 0], [0, 2]]);
        var requestId = SeedRequest(datasetId, [runA, runB], ["vanilla-gradient", "grad-cam"]);
        var cut = Context.Render<CompareAttributions>(p => p.Add(c => c.RequestId, requestId));
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll("img[data-testid=pane]").Count));
        Assert.Empty(cut.FindAll("[data-testid=large-view]"));

        cut.FindAll(".xl-frame[title]")[1].Click();

        var large = cut.Find("[data-testid=large-view]");
        Assert.StartsWith("grad-cam · run " + runA, cut.Find("[data-testid=large-title]").TextContent);
        Assert.StartsWith($"/api/runs/{runA}/attributions/grad-cam/", large.QuerySelector("[data-testid=large-image]")!.GetAttribute("src"));
        Assert.StartsWith($"/api/runs/{runB}/attributions/grad-cam/", large.QuerySelector("[data-testid=compared-image]")!.GetAttribute("src"));
        Assert.Single(cut.FindAll(".xl-frame.xl-selected"));
        Assert.Single(cut.FindAll(".xl-frame.xl-compared"));
        Assert.Contains(Context.JSInterop.Invocations, i => i.Identifier == "xaiLabGrid.setLarge" && i.Arguments.Skip(1).All(a => a is string));

        cut.Find("[data-testid=large-close]").Click();

        Assert.Empty(cut.FindAll("[data-testid=large-view]"));
    }

    [Fact]
    public void RunningRequest_OffersCancel_WhichStopsIt()
    {
        var datasetId = SeedDataset("phantoms", "meningioma", "glioma");
        var run = SeedRun(datasetId, "smallcnn", 1, [[2, 0], [0, 2]]);
        var requestId = SeedRequest(datasetId, [run], ["grad-cam"], AttributionRequestStatus.Running);
        var cut = Context.Render<CompareAttributions>(p => p.Add(c => c.RequestId, requestId));
        cut.WaitForAssertion(() => Assert.Equal("running", cut.Find("[data-testid=request-status]").TextContent.Trim()));

        cut.Find("[data-testid=cancel]").Click();

        cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-testid=request-status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=cancel]"));
    }

    [Fact]
    public void MissingRequest_SaysSo()
    {
        var cut = Context.Render<CompareAttributions>(p => p.Add(c => c.RequestId, 404));

        cut.WaitForAssertion(() => Assert.Contains("No attribution request 404", cut.Find("[data-testid=request-missing]").TextContent));
    }

    [Fact]
    public void PaneUrl_KeepsTheStoredOverlayForTheDefaultLookAndAsksForAnyOther()
    {
        const string url = "/api/runs/1/attributions/grad-cam/2?format=png&parameters=ab";

        Assert.Equal(url, CompareAttributions.PaneUrl(url, Colormap.Jet, 0.5, null));
        Assert.Equal(url + "&colormap=viridis&opacity=0.75", CompareAttributions.PaneUrl(url, Colormap.Viridis, 0.75, null));
        Assert.Equal(url + "&ceiling=0.25", CompareAttributions.PaneUrl(url, Colormap.Jet, 0.5, 0.25));
    }

    [Fact]
    public void SharedCeiling_IsTheLargestClipValueOfTheMethodsColumn()
    {
        AttributionGridRow Row(int runId, double clip) => new(runId, 1, "a", null, null, new Dictionary<string, AttributionMapResponse>
        {
            ["grad-cam"] = new(runId, "grad-cam", 1, 0, "defaults", clip, "u", "r"),
        });

        Assert.Equal(0.9, CompareAttributions.SharedCeiling([Row(1, 0.2), Row(2, 0.9)], "grad-cam"));
        Assert.Null(CompareAttributions.SharedCeiling([Row(1, 0.2)], "vanilla-gradient"));
    }

    private int SeedRequest(int datasetId, int[] runIds, string[] methods, AttributionRequestStatus status = AttributionRequestStatus.Succeeded)
    {
        using var db = Database.Create();
        var slices = Enumerable.Range(0, 2).Select(i => new Slice
        {
            DatasetId = datasetId, Index = i, PatientId = $"p{i}", Label = 1 - i, Split = SplitPart.Test, Width = 64, Height = 64,
            BitDepth = 8, ImagePath = $"slices/{i}.png", ContentHash = $"hash{i}",
        }).ToList();
        db.Slices.AddRange(slices);
        db.SaveChanges();
        db.Predictions.Add(new Prediction { RunId = runIds[0], SliceId = slices[0].Id, Label = 1, Predicted = 0, Probabilities = [0.8f, 0.2f] });
        var maps = new List<StoredAttribution>();
        foreach (var slice in slices)
        {
            foreach (var runId in runIds)
            {
                foreach (var method in methods)
                {
                    maps.Add(new StoredAttribution
                    {
                        RunId = runId, SliceId = slice.Id, Method = method, ParametersHash = "ab", Parameters = "defaults",
                        CacheKey = $"{runId}-{slice.Id}-{method}", Channels = 1, Height = 64, Width = 64,
                        OverlayPath = "o.png", ValuesPath = "v.f32", ClipValue = 0.5,
                    });
                }
            }
        }
        db.StoredAttributions.AddRange(maps);
        db.SaveChanges();
        var request = new AttributionRequest
        {
            RunIds = [.. runIds], Methods = [.. methods], SliceIds = slices.Select(s => s.Id).ToList(),
            Status = status, Total = maps.Count, Done = maps.Count, Computed = maps.Count,
            MapIds = maps.Select(m => m.Id).ToList(),
        };
        db.AttributionRequests.Add(request);
        db.SaveChanges();
        return request.Id;
    }
}
