using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Home;
using XaiLab.Data.Entities;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Components.Pages.Home;

public sealed class HomeTests : PageTestContext
{
    [Fact]
    public async Task Launch_WithTwoSeedsAndThePaperPreset_CreatesASweepAndOpensTheComparison()
    {
        SeedTrainableSlices(SeedDataset("phantoms", "a", "b"));
        var cut = Context.Render<XaiLab.Web.Components.Pages.Home.Home>();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled")));

        cut.Find("input[data-testid=seeds]").Change("3, 4");
        var preset = cut.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Preset");
        await cut.InvokeAsync(() => preset.Instance.SelectOption("paper"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("/runs/compare?ids=", Context.Services.GetRequiredService<NavigationManager>().Uri));
        using var db = Database.Create();
        var runs = db.Runs.AsNoTracking().OrderBy(r => r.Id).ToList();
        Assert.Equal([3, 4], runs.Select(r => r.Seed));
        Assert.All(runs, r => Assert.Equal((20, 225), (r.Epochs, r.ImageSize)));
    }

    [Fact]
    public void Viewer_SeesTheTeamsDatasetsButNoButtonThatChangesAnything()
    {
        var own = SeedDataset("own-team-phantoms", "a", "b");
        int otherTeam;
        using (var db = Database.Create())
        {
            var team = new Team { Name = "elsewhere" };
            db.Teams.Add(team);
            db.SaveChanges();
            otherTeam = team.Id;
            db.Datasets.Add(new Dataset { TeamId = otherTeam, Name = "other-team-scans", Status = DatasetStatus.Ready, ClassNames = ["a", "b"] });
            db.SaveChanges();
        }
        SignInAs(XaiLabRoles.Viewer, Team.DefaultTeamId);

        var cut = Context.Render<XaiLab.Web.Components.Pages.Home.Home>();

        // The dataset list holds exactly the viewer's team's dataset, linked to its page; the other team's name appears nowhere.
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=dataset-row]")));
        var link = cut.Find("[data-testid=dataset-row] [data-testid=dataset-link]");
        Assert.Equal(("own-team-phantoms", $"/datasets/{own}"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.DoesNotContain("other-team-scans", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=launch]"));
        Assert.Empty(cut.FindAll("[data-testid=upload-dataset]"));
        Assert.Empty(cut.FindAll("[data-testid=create-demo]"));
    }

    [Fact]
    public async Task CreateDemo_AsAViewer_IsRefusedByTheServiceItself()
    {
        SignInAs(XaiLabRoles.Viewer, Team.DefaultTeamId);
        var datasets = Context.Services.GetRequiredService<XaiLab.Web.Services.Datasets.DatasetService>();
        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            datasets.CreateDemoAsync(new XaiLab.Web.Apis.Contracts.CreateDemoDatasetRequest(12, 64, 1, null)));
        Assert.True(refused.Forbidden);
    }

    [Theory]
    [InlineData("1, 2,3", new[] { 1, 2, 3 })]
    [InlineData("", new[] { 1 })]
    [InlineData("7,7", new[] { 7 })]
    public void ParseSeeds_ReadsCommaSeparatedSeeds(string text, int[] expected) =>
        Assert.Equal(expected, XaiLab.Web.Components.Pages.Home.Home.ParseSeeds(text));

    [Fact]
    public void ParseSeeds_SaysWhatIsNotASeed()
    {
        var error = Assert.Throws<RequestValidationException>(() => XaiLab.Web.Components.Pages.Home.Home.ParseSeeds("1, x"));
        Assert.Contains("'x' is not a whole-number seed", error.Message);
    }
}
