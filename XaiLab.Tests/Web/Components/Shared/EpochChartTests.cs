using Plotly.Blazor.Traces;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Components.Shared;

namespace XaiLab.Tests.Web.Components.Shared;

public sealed class EpochChartTests
{
    [Fact]
    public void BuildTraces_TrainOnly_GivesLossAndAccuracyOnTheirAxes()
    {
        var traces = EpochChart.BuildTraces([new EpochResponse(1, 1.5, 0.4, null, null, 1e-3, 2), new EpochResponse(2, 0.9, 0.7, null, null, 1e-3, 2)]);

        Assert.Equal(2, traces.Count);
        var loss = Assert.IsType<Scatter>(traces[0]);
        Assert.Equal("train loss", loss.Name);
        Assert.Equal([1.5, 0.9], loss.Y.Cast<double>());
        Assert.Equal("y2", Assert.IsType<Scatter>(traces[1]).YAxis);
    }

    [Fact]
    public void BuildTraces_WithValidation_AddsValidationCurves()
    {
        var traces = EpochChart.BuildTraces([new EpochResponse(1, 1.5, 0.4, 1.2, 0.5, 1e-3, 2)]);

        Assert.Equal(["train loss", "train accuracy", "validation loss", "validation accuracy"], traces.Cast<Scatter>().Select(t => t.Name));
        Assert.Equal([0.5], traces.Cast<Scatter>().Last().Y.Cast<double>());
    }
}
