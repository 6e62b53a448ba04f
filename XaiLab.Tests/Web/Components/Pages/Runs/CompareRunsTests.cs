using Bunit;
using XaiLab.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Web.Components.Pages.Runs;

namespace XaiLab.Tests.Web.Components.Pages.Runs;

public sealed class CompareRunsTests : PageTestContext
{
    [Fact]
    public void TwoRuns_ShowTable3RowsConfusionDifferenceAndCurves()
    {
        var dataset = SeedDataset("phantoms");
        var first = SeedRun(dataset, "smallcnn", 1, [[3, 1], [2, 2]]);
        var second = SeedRun(dataset, "vgg16", 1, [[4, 0], [1, 3]]);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/compare?ids={first},{second}");

        var cut = Context.Render<CompareRuns>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=summary-table] tbody tr").Count));
        var vggRow = cut.FindAll("[data-testid=summary-table] tbody tr")[0].TextContent;
        Assert.Contains("vgg16", vggRow);
        Assert.Contains("87.5%", vggRow);
        var differences = cut.FindAll("[data-testid=confusion-difference] tbody td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["+1", "-1", "-1", "+1"], differences);
        Assert.Equal(2, cut.FindAll("[data-testid=confusion-matrix]").Count);
        Assert.NotNull(cut.Find("[data-testid=compare-curves]"));
    }

    [Fact]
    public void OneRun_AsksForMore()
    {
        var dataset = SeedDataset();
        var only = SeedRun(dataset, "smallcnn", 1, [[3, 1], [2, 2]]);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/compare?ids={only}");

        var cut = Context.Render<CompareRuns>();

        cut.WaitForAssertion(() => Assert.Contains("Pick two or more runs", cut.Markup));
    }
}
