using System.Diagnostics;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>The dataset page in headless Chromium: the virtualised gallery loads thumbnails from the preview endpoint.</summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class DatasetPageBrowserTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task DatasetPage_GalleryThumbnailsLoad()
    {
        var slices = int.TryParse(Environment.GetEnvironmentVariable("XAILAB_GALLERY_SLICES"), out var n) ? n : 240;
        var id = await host.CreateDemoDatasetAsync(slices);

        var clock = Stopwatch.StartNew();
        var page = await host.OpenAsync($"/datasets/{id}", 1280, 720);
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
        await BrowserHost.ScreenshotAsync(page, "dataset-page.png");
    }
}
