using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>
/// Attribution comparison in headless Chromium and through the API of the same host: the grid of two runs and three
/// methods loads every pane, its controls act on all panes at once, the large view reads values under the cursor, the
/// figure exports as PNG and PDF; a running request can be cancelled; the sanity check flags methods in the scorecard.
/// </summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed partial class AttributionGridBrowserTests(BrowserHost host, AttributionGridBrowserTests.TwoRuns runs)
    : IClassFixture<BrowserHost>, IClassFixture<AttributionGridBrowserTests.TwoRuns>
{
    private static readonly string[] Methods = ["vanilla-gradient", "grad-cam", "integrated-gradients"];

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
                    var dataset = await host.CreateDemoDatasetAsync(seed: 3);
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
    public async Task Grid_LoadsEveryPane_ControlsActOnAllPanes_AndExports()
    {
        var (_, a, b) = await runs.GetAsync(host);
        var id = await RequestAsync([a, b], Methods, steps: 8);
        await ApiPolling.UntilAsync<JsonElement>(host.Client, $"/api/attributions/{id}", r => r.GetProperty("status").GetString() == "succeeded", TimeSpan.FromMinutes(3));

        var page = await host.OpenAsync($"/attributions/{id}", 1600, 1000);
        // The grid script marks its root once the circuit is interactive.
        await page.Locator("[data-testid=grid-root][data-zoom]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var panes = page.Locator("img[data-testid=pane]");
        Assert.Equal(3 * 2 * Methods.Length, await panes.CountAsync());
        await AllImagesLoadedAsync(page, "img[data-testid=pane], img[data-testid=input-pane]");
        Assert.Equal(6, await page.Locator("[data-testid=attribution-grid] tbody tr").CountAsync());

        // Signed display: every pane asks for the signed rendering on the diverging colormap, and loads it.
        await page.Locator("input[data-testid=signed], [data-testid=signed] input").CheckAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img[data-testid=pane]')].every(i => i.src.includes('sign=signed') && i.src.includes('colormap=bluered'))");
        await AllImagesLoadedAsync(page, "img[data-testid=pane]");

        // Ctrl + wheel over one pane zooms every pane by the same transform.
        var first = await panes.First.BoundingBoxAsync();
        await page.Mouse.MoveAsync(first!.X + first.Width / 2, first.Y + first.Height / 2);
        await page.Keyboard.DownAsync("Control");
        await page.Mouse.WheelAsync(0, -300);
        await page.Keyboard.UpAsync("Control");
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=grid-root]').dataset.zoom) > 1.5");
        var transforms = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('img[data-testid=pane]')].map(i => getComputedStyle(i).transform)");
        Assert.Single(transforms.Distinct());
        Assert.NotEqual("none", transforms[0]);
        await page.Locator("[data-testid=zoom-reset]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=grid-root]').dataset.zoom === '1.000'");

        // The large view: a pane, the same method of the other run to swipe against, and the values under the cursor.
        await panes.Nth(1).ClickAsync();
        await page.Locator("[data-testid=large-view] [data-testid=compared-image]").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=grid-root]').dataset.rawLoaded === '2'");
        var large = await page.Locator(".xl-large-frame").BoundingBoxAsync();
        await page.Mouse.MoveAsync(large!.X + large.Width / 2, large.Y + large.Height / 2);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=cursor-value]').textContent.startsWith('x ')");
        var readout = await page.Locator("[data-testid=cursor-value]").InnerTextAsync();
        Assert.Matches(CursorReadout(), readout);
        await page.Locator("[data-testid=swipe]").FillAsync("25");
        Assert.Equal("25%", await page.Locator("[data-testid=grid-root]").EvaluateAsync<string>("e => e.style.getPropertyValue('--xl-swipe')"));
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "attribution-grid.png", fullPage: false);

        // The figure, as the page's export buttons ask for it.
        var pngUrl = await page.Locator("[data-testid=export-png]").GetAttributeAsync("href");
        Assert.Contains("sign=signed", pngUrl);
        var png = await host.Client.GetByteArrayAsync(pngUrl);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.True(width > 4 * 160, $"figure width {width}");
        var pdf = await host.Client.GetByteArrayAsync(await page.Locator("[data-testid=export-pdf]").GetAttributeAsync("href"));
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync($"/api/attributions/{id}/figure.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/attributions/9999/figure.png")).StatusCode);
    }

    [Fact]
    public async Task RunningRequest_CanBeCancelled_AndKeepsItsMaps()
    {
        var (_, a, _) = await runs.GetAsync(host);
        // Many slow maps with parameters no other test uses, so none is cached.
        var id = await RequestAsync([a], ["occlusion", "xrai", "integrated-gradients", "guided-ig", "blur-ig"], steps: 97);
        await ApiPolling.UntilAsync<JsonElement>(host.Client, $"/api/attributions/{id}", r => r.GetProperty("done").GetInt32() >= 1, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(50));

        var cancelled = await host.Client.PostAsync($"/api/attributions/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        var request = await ApiPolling.UntilAsync<JsonElement>(host.Client, $"/api/attributions/{id}", r => r.GetProperty("status").GetString() != "running", TimeSpan.FromMinutes(1));
        Assert.Equal("cancelled", request.GetProperty("status").GetString());
        Assert.InRange(request.GetProperty("done").GetInt32(), 1, request.GetProperty("total").GetInt32() - 1);
        Assert.NotNull(request.GetProperty("finishedAt").GetString());
        var map = request.GetProperty("maps").EnumerateArray().First();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(map.GetProperty("url").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Client.PostAsync($"/api/attributions/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.PostAsync("/api/attributions/9999/cancel", null)).StatusCode);
        // It stays cancelled: the job does not overwrite the user's decision.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("cancelled", (await host.Client.GetFromJsonAsync<JsonElement>($"/api/attributions/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task SanityCheck_RandomisesEveryLayer_AndShowsInTheScorecard()
    {
        var (_, _, b) = await runs.GetAsync(host);
        var id = await RequestAsync([b], ["vanilla-gradient", "grad-cam"], steps: 8);
        await ApiPolling.UntilAsync<JsonElement>(host.Client, $"/api/attributions/{id}", r => r.GetProperty("status").GetString() == "succeeded", TimeSpan.FromMinutes(3));

        var queued = await host.Client.PostAsJsonAsync($"/api/runs/{b}/sanity-check", new { methods = new[] { "vanilla-gradient", "grad-cam" } });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var check = await ApiPolling.UntilAsync<JsonElement>(host.Client, $"/api/runs/{b}/sanity-check",
            c => c.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(3));

        Assert.True(check.GetProperty("status").GetString() == "succeeded", check.ToString());
        var methods = check.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["vanilla-gradient", "grad-cam"], methods.Select(m => m.GetProperty("method").GetString()));
        foreach (var method in methods)
        {
            var steps = method.GetProperty("steps").EnumerateArray().ToList();
            Assert.InRange(steps.Count, 2, 6);
            var layers = steps.Select(s => s.GetProperty("layersRandomised").GetInt32()).ToList();
            Assert.Equal(layers.Order(), layers);
            Assert.InRange(method.GetProperty("finalRankCorrelation").GetDouble(), -1, 1);
            Assert.Equal(method.GetProperty("finalRankCorrelation").GetDouble() >= check.GetProperty("flagRankCorrelation").GetDouble(),
                method.GetProperty("flagged").GetBoolean());
        }

        var page = await host.OpenAsync($"/runs/{b}/saliency-scores");
        await page.Locator("[data-testid=sanity-table]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var cells = await page.Locator("[data-testid=scorecard] td[data-testid=sanity]").AllInnerTextsAsync();
        // Another test may have added methods to this run's scorecard; exactly the two checked ones carry a value.
        Assert.Equal(2, cells.Count(c => SanityValue().IsMatch(c)));
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "saliency-scorecard.png");
    }

    private async Task<int> RequestAsync(int[] runIds, string[] methods, int steps)
    {
        var created = await host.Client.PostAsJsonAsync("/api/attributions", new { runIds, methods, parameters = new { steps } });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Scrolls every lazily loaded image into view and waits until each has decoded pixels.</summary>
    private static async Task AllImagesLoadedAsync(IPage page, string selector)
    {
        var images = page.Locator(selector);
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            await images.Nth(i).ScrollIntoViewIfNeededAsync();
        }
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('{selector}')].every(i => i.complete && i.naturalWidth > 0)",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
    }

    [GeneratedRegex(@"-?\d\.\d{3}")]
    private static partial Regex SanityValue();

    [GeneratedRegex(@"^x \d+, y \d+: -?[\d.e+-]+ · compared: -?[\d.e+-]+$")]
    private static partial Regex CursorReadout();
}
