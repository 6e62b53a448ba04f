using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using XaiLab.Tests.Engine.Datasets;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>
/// The dataset page in headless Chromium: the virtualised gallery loads thumbnails from the preview endpoint; a NIfTI
/// ZIP uploaded through the dialog shows its slices with the mask contour drawn in and their place in the volume.
/// </summary>
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

    [Fact]
    public async Task NiftiZip_UploadedThroughTheDialog_ShowsItsSlicesWithTheMaskContour()
    {
        using var temp = new TempFolder();
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Engine", "Datasets", "Nifti", "Fixtures");
        byte[] Read(string name) => File.ReadAllBytes(Path.Combine(fixtures, name));
        var zip = temp.Zip("tumour-volumes.zip",
            ("glioma/case1.nii", Read("n1-le-int16.nii")),
            ("masks/glioma/case1.nii.gz", Read("n1-le-int16-mask.nii.gz")),
            ("healthy/case3.nii", Read("n1-le-int16-scaled.nii")));
        var page = await host.OpenAsync("/");

        await BrowserHost.ClickUntilAsync(page, "[data-testid=upload-dataset]", ".mud-dialog input[type=file]");
        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(zip);
        await page.GetByText("tumour-volumes.zip ·").WaitForAsync();
        await page.Locator("[data-testid=upload]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/datasets/\d+$"), new PageWaitForURLOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=dataset-status]')?.textContent.trim() === 'ready'",
            null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        Assert.Contains("with masks", await page.Locator("[data-testid=dataset-counts]").InnerTextAsync());
        await ThumbnailsLoadedAsync(page, contour: false);
        Assert.Equal(0, await GreenPixelsAsync(page, 0));

        // The glioma volume's slices (the masked ones) with the contour on: green pixels in the thumbnails.
        await page.Locator("[data-testid=toggle-contour]").ClickAsync();
        await ThumbnailsLoadedAsync(page, contour: true);
        var thumbs = await page.Locator("[data-testid=gallery-thumb]").CountAsync();
        var green = new List<int>();
        for (var i = 0; i < thumbs; i++)
        {
            green.Add(await GreenPixelsAsync(page, i));
        }
        Assert.Contains(green, g => g > 0);

        // A slice's dialog names the volume and the slice's place in it.
        var contoured = green.FindIndex(g => g > 0);
        await page.Locator("[data-testid=gallery-item]").Nth(contoured).ClickAsync();
        await page.Locator("[data-testid=slice-position]").WaitForAsync();
        Assert.Matches(@"^slice \d+ of \d+ along axis 2$", (await page.Locator("[data-testid=slice-position]").InnerTextAsync()).Trim());
        Assert.Equal("glioma/case1.nii", (await page.Locator("[data-testid=slice-source]").InnerTextAsync()).Trim());
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
        await BrowserHost.ScreenshotAsync(page, "nifti-upload-slice.png");
    }

    /// <summary>Every thumbnail in the DOM has loaded, with or without the contour.</summary>
    private static Task ThumbnailsLoadedAsync(IPage page, bool contour) =>
        page.WaitForFunctionAsync("contour => { const t = [...document.querySelectorAll('[data-testid=gallery-thumb]')]; " +
            "return t.length > 0 && t.every(i => i.src.includes('contour=true') === contour && i.complete && i.naturalWidth > 0); }", contour);

    /// <summary>Pure-green pixels (the contour colour) in the n-th thumbnail, read back through a canvas.</summary>
    private static Task<int> GreenPixelsAsync(IPage page, int index) =>
        page.Locator("[data-testid=gallery-thumb]").Nth(index).EvaluateAsync<int>(@"img => {
            const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const d = g.getImageData(0, 0, c.width, c.height).data; let n = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i] === 0 && d[i + 1] === 255 && d[i + 2] === 0) n++;
            return n; }");
}
