using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>The run page in headless Chromium over a real socket: chart and saliency images rendered through SignalR.</summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class RunPageBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task RunPage_ShowsLiveProgressChartConfusionMatrixAndSaliency()
    {
        var datasetId = await host.CreateDemoDatasetAsync();
        var runId = await host.LaunchRunAsync(datasetId);

        var page = await host.OpenAsync($"/runs/{runId}", 1280, 720);
        // The saliency gallery appears with the step's first map, pushed by the circuit as the run advances.
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
        // Maps appear as the step's attribution request stores them: all six by the time the run has succeeded.
        await Assertions.Expect(saliency).ToHaveCountAsync(6, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=saliency-image]')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.Equal("succeeded", (await page.Locator("[data-testid=run-status]").InnerTextAsync()).Trim());
        await page.Locator("[data-testid=epoch-chart] .main-svg").First.WaitForAsync();
        Assert.True(await page.Locator("[data-testid=epoch-chart] .scatterlayer .trace").CountAsync() >= 2);
        Assert.Equal(3, await page.Locator("[data-testid=confusion-matrix] tbody tr").CountAsync());
        // MudBlazor, Plotly and the circuit all ran under the content security policy without tripping it.
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));

        await BrowserHost.ScreenshotAsync(page, "run-page.png");
    }

    [Fact]
    public async Task LaunchForm_StartsRun_AndItsPageFollowsProgressToTheConfusionMatrix()
    {
        var datasetId = await host.CreateDemoDatasetAsync(seed: 9);
        var page = await host.OpenAsync("/", 1400, 1000);

        // The launch button comes alive with the circuit; a click before that would be lost.
        var launch = page.Locator("[data-testid=launch]");
        await Assertions.Expect(launch).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = 30_000 });
        var epochs = page.Locator(".mud-input-control:has(label:text-is('Epochs')) input");
        await epochs.FillAsync("2");
        await epochs.PressAsync("Tab");
        var seeds = page.Locator("input[data-testid=seeds], [data-testid=seeds] input");
        await seeds.FillAsync("7");
        await seeds.PressAsync("Tab");
        await launch.ClickAsync();

        try
        {
            // Blazor navigates inside the page (history API): poll the URL itself; waiting for a navigation event can
            // miss one that happened before the wait began (seen once: the page was at /runs/2 when the wait gave up).
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/runs/\d+$"),
                new PageAssertionsToHaveURLOptions { Timeout = 90_000 });
        }
        catch (PlaywrightException)
        {
            await BrowserHost.ScreenshotAsync(page, "launch-form-timeout.png");
            var runs = await host.Client.GetStringAsync("/api/runs");
            var snackbar = string.Join(" | ", await page.Locator(".mud-snackbar").AllInnerTextsAsync());
            throw new TimeoutException($"Still at {page.Url} after Launch; snackbar: '{snackbar}'; runs: {runs}");
        }
        var runId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var run = await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
        Assert.Equal(datasetId, run.GetProperty("datasetId").GetInt32());
        Assert.Equal("smallcnn", run.GetProperty("architecture").GetString());
        Assert.Equal(2, run.GetProperty("epochs").GetInt32());
        Assert.Equal(7, run.GetProperty("seed").GetInt32());

        // The page is pushed the run's progress until it reads 100 % and the test split's confusion matrix appears.
        var progress = page.Locator("[data-testid=run-progress]");
        await Assertions.Expect(progress).ToContainTextAsync("100", new LocatorAssertionsToContainTextOptions { Timeout = 240_000 });
        await page.Locator("[data-testid=confusion-matrix] tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal(3, await page.Locator("[data-testid=confusion-matrix] tbody tr").CountAsync());
        Assert.Equal("succeeded", (await page.Locator("[data-testid=run-status]").InnerTextAsync()).Trim());
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "run-launched-from-form.png");
    }

    [Fact]
    public async Task EvaluationsSection_LaunchesAnEvaluationOnAnotherHospitalsSet_AndShowsTheDifferenceAndItsInterval()
    {
        var homeId = await host.CreateDemoDatasetAsync(slices: 60, seed: 41);
        var runId = await host.TrainAsync(homeId, epochs: 1);
        // Made after the run's dataset, so the form preselects it as the newest other dataset.
        var otherId = await host.CreateDemoDatasetAsync(slices: 45, seed: 42);

        var page = await host.OpenAsync($"/runs/{runId}", 1400, 1200);
        var evaluate = page.Locator("[data-testid=evaluate]");
        await Assertions.Expect(evaluate).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=evaluation-dataset]")).ToContainTextAsync($"#{otherId}");
        await evaluate.ClickAsync();

        var row = page.Locator("[data-testid=evaluation-row]");
        try
        {
            // Followed live: the row turns succeeded without a reload.
            await Assertions.Expect(row.Locator("[data-testid=evaluation-status]")).ToHaveTextAsync("succeeded",
                new LocatorAssertionsToHaveTextOptions { Timeout = 120_000 });
        }
        catch (PlaywrightException)
        {
            await BrowserHost.ScreenshotAsync(page, "evaluations-timeout.png");
            throw new TimeoutException($"The evaluation row did not succeed; evaluations: {await host.Client.GetStringAsync($"/api/runs/{runId}/evaluations")}");
        }
        var evaluation = (await host.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/evaluations"))[0];
        Assert.Equal(otherId, evaluation.GetProperty("datasetId").GetInt32());
        var difference = evaluation.GetProperty("accuracyDifference");
        static string Points(double share) => (share * 100).ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{Points(difference.GetProperty("difference").GetDouble())} pp ({Points(difference.GetProperty("lower").GetDouble())} to {Points(difference.GetProperty("upper").GetDouble())})",
            (await row.Locator("[data-testid=evaluation-difference]").InnerTextAsync()).Trim());
        Assert.Equal(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToLower(
                (evaluation.GetProperty("metrics").GetProperty("accuracy").GetDouble() * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%"),
            (await row.Locator("[data-testid=evaluation-accuracy]").InnerTextAsync()).Trim());
        Assert.Contains("45", await row.InnerTextAsync());
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "run-page-evaluations.png");
    }
}
