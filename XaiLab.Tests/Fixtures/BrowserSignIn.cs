using System.Text.Json;
using Microsoft.Playwright;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Pages that have signed in through the real sign-in form (its cookie then opens every page), each watching for
/// content-security-policy violations so a test can assert the policy broke nothing.
/// </summary>
public static class BrowserSignIn
{
    private const string WatchViolations =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    /// <summary>A new page in its own browser context, signed in as <paramref name="email"/>.</summary>
    public static async Task<IPage> NewSignedInPageAsync(IBrowser browser, Uri baseAddress, string email, string password)
    {
        var page = await NewWatchedPageAsync(browser);
        await SignInAsync(page, baseAddress, email, password);
        return page;
    }

    /// <summary>A new page in its own browser context (no cookies), watching for CSP violations.</summary>
    public static async Task<IPage> NewWatchedPageAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        await context.AddInitScriptAsync(WatchViolations);
        return await context.NewPageAsync();
    }

    /// <summary>Fills and posts the sign-in form, and waits until it has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync(new Uri(baseAddress, $"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}").ToString());
        await page.Locator("[data-testid=signin-email]").FillAsync(email);
        await page.Locator("[data-testid=signin-password]").FillAsync(password);
        await page.Locator("[data-testid=signin-submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 30_000 });
    }

    /// <summary>The CSP violations the page has reported since it loaded.</summary>
    public static async Task<IReadOnlyList<string>> CspViolationsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.__cspViolations ?? []");
        return json.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToList();
    }
}
