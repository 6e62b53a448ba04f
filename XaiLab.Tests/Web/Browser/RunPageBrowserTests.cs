using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>The run page in headless Chromium over a real socket: chart and saliency images rendered through SignalR.</summary>
[Collection(WebHostCollection.Name)]
public sealed class RunPageBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task RunPage_ShowsLiveProgressChartConfusionMatrixAndSaliency()
    {
        var datasetId = await host.CreateDemoDatasetAsync();
        var runId = await host.LaunchRunAsync(datasetId);

        var page = await host.OpenAsync($"/runs/{runId}", 1280, 720);
        // The saliency gallery exists only after the run has finished and the circuit pushed the new state.
        var saliency = page.Locator("[data-testid=saliency-image]");
        try
        {
            await saliency.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        }
        catch (TimeoutException)
        {
            await BrowserHost.ScreenshotAsync(page, "run-page-timeout.png");
            var run = await host.Client.GetStringAsync($"/api/runs/{runId}");
            throw new TimeoutException($"No saliency images on the run page; the run is {run}");
        }
        Assert.Equal(6, await saliency.CountAsync());
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=saliency-image]')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.Equal("succeeded", (await page.Locator("[data-testid=run-status]").InnerTextAsync()).Trim());
        await page.Locator("[data-testid=epoch-chart] .main-svg").First.WaitForAsync();
        Assert.True(await page.Locator("[data-testid=epoch-chart] .scatterlayer .trace").CountAsync() >= 2);
        Assert.Equal(3, await page.Locator("[data-testid=confusion-matrix] tbody tr").CountAsync());

        await BrowserHost.ScreenshotAsync(page, "run-page.png");
    }
}
