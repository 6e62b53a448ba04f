using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.Web.Apis.Studies;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Studies;

namespace XaiLab.Tests.Web.Browser;

/// <summary>
/// An annotator completes a five-item study in headless Chromium on a laptop-sized window, by keyboard, over a real
/// socket, signed in through the sign-in form as a real Annotator account.
/// </summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class StudyRatingBrowserTests : IAsyncLifetime
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
    public async Task Annotator_CompletesAFiveItemStudyByKeyboard()
    {
        var maps = await StudyMaps.SeedAsync(factory.Services, slices: 2);
        var email = await factory.CreateUserAsync(XaiLabRoles.Annotator, XaiLab.Data.Entities.Team.DefaultTeamId);
        string annotatorId;
        using (var scope = factory.Services.CreateScope())
        {
            annotatorId = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<XaiLab.Data.Entities.XaiLabUser>>()
                .FindByEmailAsync(email) ?? throw new InvalidOperationException(email)).Id;
        }
        // The administrator (a member of the default team) creates the study through the API.
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/studies", new CreateStudyRequest(
            "Evidence round", "How well does the highlighted region match the tumour?", 5, true,
            [.. maps.Take(5).Select(m => m.MapId)], null, [annotatorId], 0, null, 11));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        var page = await BrowserSignIn.NewWatchedPageAsync(browser!, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await BrowserSignIn.SignInAsync(page, client.BaseAddress!, email, XaiLabAppFactory.UserPassword, $"/studies/{id}/rate");
        var keys = page.Locator("[data-testid=rater-keys]");
        // Keys reach the component once the circuit has rendered it interactively (not the prerendered markup).
        await page.Locator("[data-testid=study-rater][data-ready=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        for (var item = 1; item <= 5; item++)
        {
            await Expect(page.Locator("[data-testid=rater-position]"), $"Item {item} of 5");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.study-rater-stack img')].every(i => i.complete && i.naturalWidth > 0)");
            var html = await page.ContentAsync();
            // The page's script bundle is named attribution-grid.js: models, methods and run links are what must not appear.
            StudiesApiTests.AssertBlinded(html, [.. StudyMaps.Methods, .. StudyMaps.Architectures, "/runs/"]);
            if (item == 1)
            {
                // The whole rating area fits a laptop screen without scrolling.
                var scale = await page.Locator("[data-testid=rater-scale]").BoundingBoxAsync();
                Assert.True(scale!.Y + scale.Height <= 768, $"scale ends at {scale.Y + scale.Height}px");
                await keys.FocusAsync();
                await page.Keyboard.PressAsync("Space");
                await page.Locator("[data-testid=rater-mask]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
                await page.Keyboard.PressAsync("Space");
                await page.Locator("[data-testid=rater-mask]").WaitForAsync();
                await page.Locator("[data-testid=rater-stack]").ClickAsync(new LocatorClickOptions { Position = new Position { X = 110, Y = 330 } });
                await page.Locator("[data-testid=rater-point]").WaitForAsync();
                await page.Locator("[data-testid=rater-comment]").FillAsync("misses the lower rim");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "study-rating.png") });
            }
            await keys.FocusAsync();
            await page.Keyboard.PressAsync(item.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (item < 5)
            {
                await Expect(page.Locator("[data-testid=rater-progress]"), $"{item} rated");
            }
        }
        await page.Locator("[data-testid=rate-complete]").WaitForAsync();

        var contexts = factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var ratings = await db.SaliencyRatings.Include(r => r.Assignment).Where(r => r.Assignment!.StudyId == id)
            .OrderBy(r => r.Assignment!.Position).ToListAsync();
        Assert.Equal([1, 2, 3, 4, 5], ratings.Select(r => r.Value!.Value));
        Assert.Equal("misses the lower rim", ratings[0].Comment);
        Assert.Equal(0.25, ratings[0].ClickX!.Value, 2);
        Assert.Equal(0.75, ratings[0].ClickY!.Value, 2);

        // An annotator's home is the list of their studies: the data pages' home would only say "access denied".
        await page.GotoAsync(new Uri(client.BaseAddress!, "/").ToString());
        await page.WaitForURLAsync(url => url.EndsWith("/studies", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
        await page.Locator($"[data-testid=study-{id}]").WaitForAsync();
    }

    private static async Task Expect(ILocator locator, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await locator.InnerTextAsync()).Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{text}' never appeared; saw '{await locator.InnerTextAsync()}'.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        factory.Dispose();
    }
}
