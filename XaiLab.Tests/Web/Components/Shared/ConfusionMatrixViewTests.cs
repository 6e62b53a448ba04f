using Bunit;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Shared;

namespace XaiLab.Tests.Web.Components.Shared;

public sealed class ConfusionMatrixViewTests : MudBunitContext
{
    [Fact]
    public void Render_ShowsCountsPerTrueAndPredictedClassWithRowShares()
    {
        var cut = Context.Render<ConfusionMatrixView>(p => p
            .Add(c => c.Labels, ["a", "b"])
            .Add(c => c.Counts, [[3, 1], [0, 4]]));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("a", rows[0].QuerySelector("th")!.TextContent.Trim());
        var cells = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["3", "1"], cells);
        Assert.Equal("3 of 4 (75%)", rows[0].QuerySelector("td")!.GetAttribute("title"));
        Assert.Equal("4 of 4 (100%)", rows[1].QuerySelectorAll("td")[1].GetAttribute("title"));
    }
}
