using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>
/// Embeddings end to end on a real host: the Hangfire job computes and stores a t-SNE of a trained run's features (and
/// reuses it), and the page draws every point as a WebGL scatter, two runs side by side, with lasso selection opening
/// the selected slices.
/// </summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class EmbeddingsBrowserTests(BrowserHost host, EmbeddingsBrowserTests.TwoRuns runs)
    : IClassFixture<BrowserHost>, IClassFixture<EmbeddingsBrowserTests.TwoRuns>
{
    /// <summary>The demo dataset and two trained runs, made once for the class on its host.</summary>
    public sealed class TwoRuns
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private (int Dataset, int A, int B)? made;

        public async Task<(int Dataset, int A, int B)> GetAsync(BrowserHost host)
        {
            await gate.WaitAsync();
            try
            {
                if (made is null)
                {
                    var dataset = await host.CreateDemoDatasetAsync(slices: 180, seed: 4);
                    made = (dataset, await host.TrainAsync(dataset, seed: 1), await host.TrainAsync(dataset, seed: 2));
                }
                return made.Value;
            }
            finally
            {
                gate.Release();
            }
        }
    }

    [Fact]
    public async Task EmbeddingJob_StoresTheTrainedFeaturesTsneOnce()
    {
        var (dataset, a, _) = await runs.GetAsync(host);

        var id = await RequestAsync($"/api/runs/{a}/embeddings", new { source = "trained", projection = "tsne", iterations = 500, seed = 3 });
        var embedding = await WaitAsync(id);

        var predictions = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{a}/predictions")).GetArrayLength();
        var points = embedding.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(predictions, points.Count);
        Assert.Equal(points.Count, embedding.GetProperty("pointCount").GetInt32());
        Assert.Equal(a, embedding.GetProperty("runId").GetInt32());
        Assert.Equal(dataset, embedding.GetProperty("datasetId").GetInt32());
        Assert.All(points, p => Assert.Equal("test", p.GetProperty("split").GetString()));
        Assert.All(points, p => Assert.NotNull(p.GetProperty("predicted").GetString()));
        Assert.Equal(points.Count, points.Select(p => p.GetProperty("sliceId").GetInt32()).Distinct().Count());
        Assert.Equal(3, points.Select(p => p.GetProperty("class").GetString()).Distinct().Count());
        // Not collapsed: the 2-D points spread out.
        Assert.True(points.Select(p => p.GetProperty("x").GetDouble()).Distinct().Count() > points.Count / 2);
        var quality = embedding.GetProperty("quality");
        Assert.InRange(quality.GetProperty("trustworthiness").GetDouble(), 0.5, 1);
        Assert.InRange(quality.GetProperty("knnAccuracy2d").GetDouble(), 0, 1);
        Assert.InRange(quality.GetProperty("knnAccuracyFeatures").GetDouble(), 0, 1);
        Assert.InRange(quality.GetProperty("silhouette").GetDouble(), -1, 1);

        // The same inputs are never computed again: the request answers with the stored embedding.
        Assert.Equal(id, await RequestAsync($"/api/runs/{a}/embeddings", new { source = "trained", projection = "tsne", iterations = 500, seed = 3 }));
        var again = await host.Client.GetFromJsonAsync<JsonElement>($"/api/embeddings/{id}");
        Assert.Equal("succeeded", again.GetProperty("status").GetString());
        Assert.Equal(embedding.GetProperty("points").ToString(), again.GetProperty("points").ToString());
        var listed = await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{a}/embeddings");
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Page_DrawsEveryPointAsWebGl_TwoRunsSideBySide_AndLassoOpensTheSlices()
    {
        var (dataset, a, b) = await runs.GetAsync(host);
        int[] ids =
        [
            await RequestAsync($"/api/datasets/{dataset}/embeddings", new { projection = "tsne" }),
            await RequestAsync($"/api/runs/{a}/embeddings", new { source = "initial" }),
            await RequestAsync($"/api/runs/{a}/embeddings", new { source = "trained" }),
            await RequestAsync($"/api/runs/{b}/embeddings", new { source = "trained" }),
        ];
        foreach (var id in ids) await WaitAsync(id);

        var page = await host.OpenAsync($"/runs/{a}/embeddings?compare={b}", 1400, 1100);
        var scatters = page.Locator("[data-testid=embedding-scatter]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=embedding-scatter] .main-svg').length >= 5",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal(5, await scatters.CountAsync());
        // Every panel plots all its points in WebGL traces, and has a WebGL canvas.
        var plotted = await page.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('[data-testid=embedding-scatter]')].map(s => {
            const gd = s.querySelector('.js-plotly-plot');
            return { expected: Number(s.dataset.points), plotted: gd.data.reduce((n, t) => n + t.x.length, 0),
                     types: [...new Set(gd._fullData.map(t => t.type))], gl: s.querySelectorAll('canvas.gl-canvas').length };
        })");
        foreach (var panel in plotted.EnumerateArray())
        {
            Assert.True(panel.GetProperty("expected").GetInt32() > 0, panel.ToString());
            Assert.Equal(panel.GetProperty("expected").GetInt32(), panel.GetProperty("plotted").GetInt32());
            Assert.Equal("[\"scattergl\"]", panel.GetProperty("types").ToString());
            Assert.True(panel.GetProperty("gl").GetInt32() >= 1, panel.ToString());
        }
        Assert.Contains($"Run {b}, trained", await page.Locator("[data-testid=panel-compared]").InnerTextAsync());

        // Lasso around the whole trained panel: every point is selected and opens in the gallery.
        var trained = page.Locator("[data-testid=panel-trained] .nsewdrag").First;
        var box = await trained.BoundingBoxAsync();
        await page.Mouse.MoveAsync(box!.X + 2, box.Y + 2);
        await page.Mouse.DownAsync();
        foreach (var (fx, fy) in new[] { (0.5f, 0f), (1f, 0f), (1f, 0.5f), (1f, 1f), (0.5f, 1f), (0f, 1f), (0f, 0.5f), (0f, 0f) })
        {
            await page.Mouse.MoveAsync(box.X + 2 + fx * (box.Width - 4), box.Y + 2 + fy * (box.Height - 4), new MouseMoveOptions { Steps = 5 });
        }
        await page.Mouse.UpAsync();
        var expected = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/embeddings/{ids[2]}")).GetProperty("pointCount").GetInt32();
        await page.Locator("[data-testid=selected-slices]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal($"{expected} selected slices", (await page.Locator("[data-testid=selected-count]").InnerTextAsync()).Trim());
        Assert.Equal(expected, await page.Locator("[data-testid=selected-slice]").CountAsync());
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "embeddings-page.png");
    }

    private async Task<int> RequestAsync(string url, object body)
    {
        var created = await host.Client.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> WaitAsync(int id)
    {
        var embedding = await ApiPolling.UntilAsync<JsonElement>(host.Client, $"/api/embeddings/{id}",
            e => e.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(5));
        Assert.True(embedding.GetProperty("status").GetString() == "succeeded", embedding.ToString());
        return embedding;
    }
}
