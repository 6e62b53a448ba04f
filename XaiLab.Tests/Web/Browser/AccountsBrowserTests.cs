using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Browser;

/// <summary>Signing in through the real form in headless Chromium, and what each role's pages offer.</summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class AccountsBrowserTests : IAsyncLifetime
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
    public async Task SignIn_SendsStrangersToTheFormRefusesAWrongPasswordAndSignsInAndOut()
    {
        using var client = factory.CreateClient();
        var page = await BrowserSignIn.NewWatchedPageAsync(browser!);

        await page.GotoAsync(new Uri(client.BaseAddress!, "/runs").ToString());
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        Assert.Contains("returnurl=%2fruns", page.Url, StringComparison.OrdinalIgnoreCase);

        await page.Locator("[data-testid=signin-email]").FillAsync(XaiLabAppFactory.AdminEmail);
        await page.Locator("[data-testid=signin-password]").FillAsync("not-the-password");
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.Locator("[data-testid=signin-error]").WaitForAsync();
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);

        await page.Locator("[data-testid=signin-email]").FillAsync(XaiLabAppFactory.AdminEmail);
        await page.Locator("[data-testid=signin-password]").FillAsync(XaiLabAppFactory.AdminPassword);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/runs", StringComparison.Ordinal));
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Equal(XaiLabAppFactory.AdminEmail, (await page.Locator("[data-testid=signed-in-as]").InnerTextAsync()).Trim());
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));

        // A copy of the session cookie, taken before signing out, must not work after it.
        var copied = (await page.Context.CookiesAsync()).Single(c => c.Name == "xailab.auth");
        using var withCopy = new HttpClient { BaseAddress = client.BaseAddress };
        withCopy.DefaultRequestHeaders.Add("Cookie", $"{copied.Name}={copied.Value}");
        Assert.Equal(HttpStatusCode.OK, (await withCopy.GetAsync("/api/auth/me")).StatusCode);

        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(client.BaseAddress!, "/").ToString());
        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withCopy.GetAsync("/api/auth/me")).StatusCode);

        var audit = await client.GetFromJsonAsync<List<AuditRow>>("/api/admin/audit?action=signin");
        Assert.Contains(audit!, a => a.Action == "signin.failed" && a.User == XaiLabAppFactory.AdminEmail);
        Assert.Contains(audit!, a => a.Action == "signin.succeeded" && a.User == XaiLabAppFactory.AdminEmail);
    }

    [Fact]
    public async Task Viewer_SeesTheExperimentsButNoLaunchOrUploadButton()
    {
        using var client = factory.CreateClient();
        var viewer = await factory.CreateUserAsync(XaiLabRoles.Viewer, 1);
        var researcher = await factory.CreateUserAsync(XaiLabRoles.Researcher, 1);

        var viewerPage = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, viewer, XaiLabAppFactory.UserPassword);
        await viewerPage.Locator("h1").Filter(new LocatorFilterOptions { HasText = "Experiments" }).WaitForAsync();
        // Wait until the circuit has rendered the interactive page (the runs table) before asserting on absent buttons.
        await viewerPage.Locator("text=Runs").First.WaitForAsync();
        Assert.Equal(0, await viewerPage.Locator("[data-testid=launch]").CountAsync());
        Assert.Equal(0, await viewerPage.Locator("[data-testid=upload-dataset]").CountAsync());
        Assert.Equal(0, await viewerPage.Locator("[data-testid=admin-link]").CountAsync());

        var researcherPage = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, researcher, XaiLabAppFactory.UserPassword);
        await researcherPage.Locator("[data-testid=launch]").WaitForAsync();
        Assert.Equal(1, await researcherPage.Locator("[data-testid=upload-dataset]").CountAsync());
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(viewerPage));
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(researcherPage));
    }

    [Fact]
    public async Task AdminPages_AndTheJobDashboard_RenderWithoutPolicyViolations()
    {
        using var client = factory.CreateClient();
        var page = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, XaiLabAppFactory.AdminEmail, XaiLabAppFactory.AdminPassword);
        await page.GotoAsync(new Uri(client.BaseAddress!, "/admin/audit").ToString());
        await page.Locator("[data-testid=audit-row-action]").First.WaitForAsync();
        await page.GotoAsync(new Uri(client.BaseAddress!, "/account/tokens").ToString());
        // The page is prerendered before its circuit connects: a click before then does nothing, so click until it answers.
        await BrowserHost.ClickUntilAsync(page, "[data-testid=create-token]", "[data-testid=new-token]");
        var token = await page.Locator("[data-testid=new-token]").InnerTextAsync();
        using var scripted = factory.CreateClientWithToken(token.Trim());
        Assert.True((await scripted.GetAsync("/api/datasets")).IsSuccessStatusCode);
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));

        await page.GotoAsync(new Uri(client.BaseAddress!, "/hangfire").ToString());
        await page.Locator("text=XaiLab jobs").First.WaitForAsync();
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
    }

    [Fact]
    public async Task UsersPage_LocksAndUnlocksAUser_WhoseTokenStopsAndStartsWorking()
    {
        using var client = factory.CreateClient();
        var email = await factory.CreateUserAsync(XaiLab.Web.Services.Accounts.XaiLabRoles.Viewer, 1);
        using var viewer = factory.CreateClientWithToken(await factory.CreateTokenAsync(email));
        var page = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, XaiLabAppFactory.AdminEmail, XaiLabAppFactory.AdminPassword);
        await page.GotoAsync(new Uri(client.BaseAddress!, "/admin/users").ToString());
        var row = page.Locator("[data-testid=users] tbody tr", new PageLocatorOptions { HasText = email });
        var lockButton = row.Locator("[data-testid=row-lock]");
        // Prerendered first: click until the circuit answers with the new state.
        for (var attempt = 0; attempt < 20 && (await lockButton.TextContentAsync())!.Trim() != "Unlock"; attempt++)
        {
            await lockButton.ClickAsync();
            await page.WaitForTimeoutAsync(750);
        }
        Assert.Equal("Unlock", (await lockButton.TextContentAsync())!.Trim());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await viewer.GetAsync("/api/auth/me")).StatusCode);

        await lockButton.ClickAsync();
        await Assertions.Expect(lockButton).ToHaveTextAsync("Lock");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await viewer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Empty(await BrowserSignIn.CspViolationsAsync(page));
    }

    private sealed record AuditRow(string Action, string? User);

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        factory.Dispose();
    }
}
