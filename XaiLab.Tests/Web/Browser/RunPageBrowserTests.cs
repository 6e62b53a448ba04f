using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>The run page in headless Chromium over a real socket: chart and saliency images rendered through SignalR.</summary>
[Collection(WebHostCollection.Name)]
public sealed class RunPageBrowserTests : IAsyncLifetime
{
    private readonly XaiLabAppFactory factory = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        (playwright, browser) = await HeadlessChromium.LaunchAsync();
    }

    [Fact]
    public async Task RunPage_ShowsLiveProgressChartConfusionMatrixAndSaliency()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, seed = 5 });
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{datasetId}", d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(1));
        var launched = await client.PostAsJsonAsync("/api/runs", new { datasetId, architecture = "smallcnn", epochs = 2, imageSize = 64, batchSize = 16 });
        var runId = (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var page = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, XaiLabAppFactory.AdminEmail, XaiLabAppFactory.AdminPassword);
        await page.GotoAsync(new Uri(client.BaseAddress!, $"/runs/{runId}").ToString());
        // The saliency gallery exists only after the run has finished and the circuit pushed the new state.
        var saliency = page.Locator("[data-testid=saliency-image]");
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        try
        {
            await saliency.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "run-page-timeout.png"), FullPage = true });
            var run = await client.GetStringAsync($"/api/runs/{runId}");
            throw new TimeoutException($"No saliency images on the run page; the run is {run}");
        }
        Assert.Equal(6, await saliency.CountAsync());
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=saliency-image]')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.Equal("succeeded", (await page.Locator("[data-testid=run-status]").InnerTextAsync()).Trim());
        await page.Locator("[data-testid=epoch-chart] .main-svg").First.WaitForAsync();
        Assert.True(await page.Locator("[data-testid=epoch-chart] .scatterlayer .trace").CountAsync() >= 2);
        Assert.Equal(3, await page.Locator("[data-testid=confusion-matrix] tbody tr").CountAsync());
        // MudBlazor, Plotly and the circuit all ran under the content security policy without tripping it.
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "run-page.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        factory.Dispose();
    }
}
