using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Attributions;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Tests.Web.Components.Pages.Attributions;

public sealed class NewAttributionsTests : PageTestContext
{
    public NewAttributionsTests()
    {
        Services.AddSingleton(new ArtifactStore(Path.Combine(Database.Folder, "artifacts")));
        Services.AddJobExecutions();
        Services.AddScoped<AttributionService>();
    }

    [Fact]
    public void WithoutRuns_SaysHowToPickThem()
    {
        var cut = Context.Render<NewAttributions>();

        Assert.Contains("No runs picked", cut.Find("[data-testid=no-runs]").TextContent);
        Assert.True(cut.Find("[data-testid=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void Submit_CreatesTheRequestWithOneTestSlicePerClassAndOpensItsGrid()
    {
        var datasetId = SeedDataset("phantoms", "a", "b");
        var runId = SeedRun(datasetId, "smallcnn", 1, [[1, 0], [0, 1]]);
        SeedTrainedRunWithTestSlices(runId, datasetId);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/attributions/new?ids={runId}");

        var cut = Context.Render<NewAttributions>();
        cut.Find("[data-testid=submit]").Click();

        cut.WaitForAssertion(() => Assert.Matches(@"/attributions/\d+$", navigation.Uri));
        using var db = Database.Create();
        var request = db.AttributionRequests.Single();
        Assert.Equal([runId], request.RunIds);
        Assert.Equal(["vanilla-gradient", "integrated-gradients", "grad-cam"], request.Methods);
        Assert.Equal(2, request.SliceIds.Count);
        Assert.Equal(6, request.Total);
    }

    [Fact]
    public void Submit_ShowsWhyARunCannotBeExplained()
    {
        var runId = SeedRun(SeedDataset(), "smallcnn", 1, [[1, 0], [0, 1]]);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/attributions/new?ids={runId}");

        var cut = Context.Render<NewAttributions>();
        cut.Find("[data-testid=submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains($"Run {runId} has no stored weights", cut.Find("[data-testid=request-error]").TextContent));
    }

    [Fact]
    public void ParseIds_SkipsWhatIsNotANumber() =>
        Assert.Equal([3, 5], NewAttributions.ParseIds("3, x,5,3,"));

    private void SeedTrainedRunWithTestSlices(int runId, int datasetId)
    {
        using var db = Database.Create();
        db.Runs.Single(r => r.Id == runId).CheckpointPath = "runs/1/checkpoint.bin";
        for (var i = 0; i < 4; i++)
        {
            db.Slices.Add(new Slice
            {
                DatasetId = datasetId, Index = i, PatientId = $"p{i}", Label = i % 2, Split = i < 3 ? SplitPart.Test : SplitPart.Train,
                Width = 8, Height = 8, BitDepth = 8, ImagePath = $"s{i}.png", ContentHash = $"h{i}",
            });
        }
        db.SaveChanges();
    }
}
