using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>The explain page in headless Chromium: a scan chosen in the browser comes back with its probabilities and maps.</summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class ExplainScanBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ExplainPage_UploadedScan_ShowsTheStoredPredictionAndAMapPerMethod()
    {
        var datasetId = await host.CreateDemoDatasetAsync();
        var runId = await host.TrainAsync(datasetId, epochs: 1);
        var prediction = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/predictions"))[0];
        var scan = Path.Combine(Path.GetTempPath(), $"xailab-scan-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(scan, await host.Client.GetByteArrayAsync($"/api/slices/{prediction.GetProperty("sliceId").GetInt32()}/image.png"));
        try
        {
            var page = await host.OpenAsync($"/runs/{runId}");
            await BrowserHost.ClickUntilAsync(page, "[data-testid=explain-scan-link]", "[data-testid=choose-scan]");
            // The page is prerendered before its circuit connects: a file chosen before then is lost, so choose it until it shows.
            var chosen = page.GetByText(Path.GetFileName(scan) + " ·");
            for (var attempt = 0; attempt < 20 && await chosen.CountAsync() == 0; attempt++)
            {
                try
                {
                    await page.Locator("input[type=file]").SetInputFilesAsync(scan, new LocatorSetInputFilesOptions { Timeout = 2_000 });
                    await chosen.WaitForAsync(new LocatorWaitForOptions { Timeout = 2_000 });
                }
                catch (TimeoutException)
                {
                    // Not interactive yet.
                }
            }
            await page.Locator("[data-testid=explain-scan]").ClickAsync();

            await page.Locator("[data-testid=scan-answer]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            Assert.StartsWith($"Predicted {prediction.GetProperty("predicted").GetString()} (", (await page.Locator("[data-testid=scan-predicted]").InnerTextAsync()).Trim());
            Assert.Equal(3, await page.Locator("[data-testid=scan-probabilities] tr").CountAsync());
            // The default methods (vanilla-gradient, grad-cam): one overlay each, loaded.
            await Assertions.Expect(page.Locator("[data-testid=scan-map]")).ToHaveCountAsync(2);
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=scan-map], [data-testid=scan-image]')].every(i => i.complete && i.naturalWidth > 0)");
            Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
            await BrowserHost.ScreenshotAsync(page, "explain-scan.png");
        }
        finally
        {
            File.Delete(scan);
        }
    }
}
