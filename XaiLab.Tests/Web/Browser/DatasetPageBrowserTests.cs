using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>The dataset page in headless Chromium: the virtualised gallery loads thumbnails from the preview endpoint.</summary>
[Collection(WebHostCollection.Name)]
public sealed class DatasetPageBrowserTests : IAsyncLifetime
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
    public async Task DatasetPage_GalleryThumbnailsLoad()
    {
        using var client = factory.CreateClient();
        var slices = int.TryParse(Environment.GetEnvironmentVariable("XAILAB_GALLERY_SLICES"), out var n) ? n : 240;
        var created = await client.PostAsJsonAsync("/api/datasets/demo", new { slices, size = 64, seed = 5 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await ApiPolling.UntilAsync<JsonElement>(client, $"/api/datasets/{id}", d => d.GetProperty("status").GetString() == "ready", TimeSpan.FromMinutes(10));

        var page = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, XaiLabAppFactory.AdminEmail, XaiLabAppFactory.AdminPassword);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(client.BaseAddress!, $"/datasets/{id}").ToString());
        var thumbs = page.Locator("[data-testid=gallery-thumb]");
        await thumbs.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => { const t = [...document.querySelectorAll('[data-testid=gallery-thumb]')]; return t.length > 0 && t.slice(0, 8).every(i => i.complete && i.naturalWidth > 0); }");
        var firstThumbs = clock.Elapsed;
        var rendered = await thumbs.CountAsync();

        // Scroll to the end: the virtualised gallery fetches the last page and keeps the DOM small.
        clock.Restart();
        await page.Locator("[data-testid=slice-gallery]").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('[data-testid=gallery-thumb]')].some(i => i.alt.startsWith('Slice {slices - 1},'))");
        var scrolledToEnd = clock.Elapsed;

        Assert.InRange(rendered, 8, 400);
        Assert.Contains($"{slices} slices match", await page.Locator("[data-testid=match-count]").InnerTextAsync());
        Console.WriteLine($"gallery of {slices} slices: first thumbnails {firstThumbs.TotalMilliseconds:F0} ms, {rendered} thumbnails in the DOM, scroll to end {scrolledToEnd.TotalMilliseconds:F0} ms");
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dataset-page.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        factory.Dispose();
    }
}
