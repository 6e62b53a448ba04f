using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The shared setup of browser tests: the real application on a Kestrel socket (fresh data folder), an HTTP client to it,
/// and headless Chromium; plus the demo data most pages need (a phantom dataset, trained runs). Use it as a class fixture
/// of a <see cref="WebHostCollection"/> test class so the slow part (training) happens once per class.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public XaiLabAppFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? playwright;

    /// <summary>Where tests leave screenshots: <c>screenshots/</c> beside the test assembly.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        Client = Factory.CreateClient();
        (playwright, Browser) = await HeadlessChromium.LaunchAsync();
    }

    /// <summary>The absolute URL of a path on the host.</summary>
    public string Url(string path) => new Uri(Client.BaseAddress!, path).ToString();

    /// <summary>A new page (1400 x 1000 by default), signed in as the administrator through the sign-in form and already
    /// at <paramref name="path"/>; it records CSP violations (<see cref="BrowserSignIn.CspViolationsAsync"/>).</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1400, int height = 1000)
    {
        var page = await BrowserSignIn.NewWatchedPageAsync(Browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await BrowserSignIn.SignInAsync(page, Client.BaseAddress!, XaiLabAppFactory.AdminEmail, XaiLabAppFactory.AdminPassword, path);
        return page;
    }

    /// <summary>A full-page screenshot under <see cref="ScreenshotFolder"/>.</summary>
    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = fullPage });

    /// <summary>
    /// Clicks <paramref name="click"/> until <paramref name="appears"/> shows: a prerendered page ignores clicks until
    /// its circuit connects.
    /// </summary>
    public static async Task ClickUntilAsync(IPage page, string click, string appears, int attempts = 20)
    {
        var target = page.Locator(appears);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await page.Locator(click).ClickAsync();
            try
            {
                await target.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 1_500 });
                return;
            }
            catch (TimeoutException)
            {
                // Not interactive yet.
            }
        }
        throw new TimeoutException($"{appears} did not appear after {attempts} clicks on {click}.");
    }

    /// <summary>A ready phantom demo dataset; returns its id.</summary>
    public async Task<int> CreateDemoDatasetAsync(int slices = 120, int size = 64, int seed = 5)
    {
        var created = await Client.PostAsJsonAsync("/api/datasets/demo", new { slices, size, seed });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var dataset = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/datasets/{id}",
            d => d.GetProperty("status").GetString() != "importing", TimeSpan.FromMinutes(10));
        Assert.True(dataset.GetProperty("status").GetString() == "ready", dataset.ToString());
        return id;
    }

    /// <summary>Launches a smallcnn run at 64 px without waiting; returns its id.</summary>
    public async Task<int> LaunchRunAsync(int datasetId, int seed = 1, int epochs = 2)
    {
        var launched = await Client.PostAsJsonAsync("/api/runs", new
        {
            datasetId, architecture = "smallcnn", epochs, imageSize = 64, batchSize = 16, learningRate = 0.002, seed,
        });
        Assert.Equal(HttpStatusCode.Accepted, launched.StatusCode);
        return (await launched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>A succeeded smallcnn run at 64 px; returns its id.</summary>
    public async Task<int> TrainAsync(int datasetId, int seed = 1, int epochs = 2)
    {
        var runId = await LaunchRunAsync(datasetId, seed, epochs);
        var run = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/runs/{runId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled", TimeSpan.FromMinutes(6));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return runId;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        Factory.Dispose();
    }
}
