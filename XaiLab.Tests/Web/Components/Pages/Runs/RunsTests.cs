using Bunit;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Runs;

namespace XaiLab.Tests.Web.Components.Pages.Runs;

public sealed class RunsTests : PageTestContext
{
    [Fact]
    public void Table_ListsRunsAndFiltersByTheSearchText()
    {
        var dataset = SeedDataset("brain mri");
        SeedRun(dataset, "smallcnn", 1, [[4, 0], [0, 4]], tags: "baseline");
        SeedRun(dataset, "vgg16", 2, [[3, 1], [1, 3]]);

        var cut = Context.Render<XaiLab.Web.Components.Pages.Runs.Runs>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=runs-table] tbody tr").Count));
        Assert.Contains("100.0%", cut.Markup);
        Assert.Contains("brain mri", cut.Markup);

        cut.Find("input[data-testid=runs-search]").Input("baseline");
        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=runs-table] tbody tr");
            Assert.Single(rows);
            Assert.Contains("smallcnn", rows[0].TextContent);
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void CompareButton_IsDisabledUntilTwoRunsAreSelected()
    {
        var dataset = SeedDataset();
        SeedRun(dataset, "smallcnn", 1, [[4, 0], [0, 4]]);
        SeedRun(dataset, "smallcnn", 2, [[3, 1], [1, 3]]);

        var cut = Context.Render<XaiLab.Web.Components.Pages.Runs.Runs>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=runs-table] tbody tr").Count));
        Assert.True(cut.Find("[data-testid=compare-selected]").HasAttribute("disabled"));

        foreach (var checkbox in cut.FindAll("[data-testid=runs-table] tbody input[type=checkbox]"))
        {
            checkbox.Change(true);
        }

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=compare-selected]").HasAttribute("disabled")));
    }
}
