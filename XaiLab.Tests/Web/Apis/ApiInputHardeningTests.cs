using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis;

/// <summary>
/// Input an outside probe sent that answered 500: non-finite numbers, out-of-range thresholds, a hundred thousand ids,
/// and bodies or queries the binder cannot read (in Development too, which dotnet run used to give) are 400 problem
/// details; text cells of every CSV export that would run as spreadsheet formulas come out defused.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiInputHardeningTests : IDisposable
{
    private readonly XaiLabAppFactory app = new();

    [Theory]
    [InlineData("/api/slices/1/preview.png?center=NaN&width=NaN")]
    [InlineData("/api/slices/1/preview.png?center=10&width=Infinity")]
    [InlineData("/api/runs/1/saliency-scores?threshold=NaN")]
    [InlineData("/api/runs/1/saliency-scores?threshold=Infinity")]
    [InlineData("/api/runs/1/saliency-scores?threshold=5")]
    [InlineData("/api/runs/1/saliency-scores?threshold=-1")]
    public async Task NonFiniteOrOutOfRangeNumbers_Are400ProblemDetails(string url)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AHundredThousandSliceIds_Are400_NotASqliteError()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/attributions",
            new { runIds = new[] { 1 }, methods = new[] { "vanilla-gradient" }, sliceIds = Enumerable.Range(1, 100_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1,000", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/api/runs", """{"datasetId":"two"}""")]
    [InlineData("POST", "/api/runs", """{"datasetId":""")]
    [InlineData("GET", "/api/datasets/1/slices?take=abc", null)]
    [InlineData("GET", "/api/datasets/1/slices?skip=99999999999", null)]
    public async Task UnreadableInput_Is400InDevelopment(string method, string url, string? body)
    {
        using var development = new XaiLabAppFactory { EnvironmentName = "Development" };
        using var client = development.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunsExport_DefusesFormulaTagsAndNotes()
    {
        int runId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync())
        {
            var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "@evil dataset", Status = DatasetStatus.Ready, ClassNames = ["a", "b"] };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            var run = new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded };
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }
        using var client = app.CreateClient();
        var patched = await client.PatchAsJsonAsync($"/api/runs/{runId}", new { tags = new[] { "+SUM(1)" }, notes = "=HYPERLINK(\"http://evil\")" });
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);

        var csv = await client.GetStringAsync("/api/runs/export.csv");

        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'+sum(1)", csv); // tags are stored lower-case
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
    }

    public void Dispose() => app.Dispose();
}
