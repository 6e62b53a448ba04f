using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Home;
using XaiLab.Web.Services;

namespace XaiLab.Tests.Web.Components.Pages.Home;

public sealed class HomeTests : PageTestContext
{
    [Fact]
    public async Task Launch_WithTwoSeedsAndThePaperPreset_CreatesASweepAndOpensTheComparison()
    {
        SeedDataset("phantoms", "a", "b");
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
