using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Browser;

/// <summary>
/// A page served from another port of the same host (same site, so SameSite=Lax sends the cookie), opened by a signed-in
/// user, posts a no-cors multipart fetch and an auto-submitted form to the API: neither creates anything.
/// </summary>
[Collection(WebHostCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class CrossSiteRequestBrowserTests : IAsyncLifetime
{
    private readonly XaiLabAppFactory factory = new();
    private readonly HttpListener attacker = new();
    private IPlaywright? playwright;
    private IBrowser? browser;
    private string attackerUrl = "";

    public async Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        (playwright, browser) = await HeadlessChromium.LaunchAsync();
        var port = FreePort();
        attackerUrl = $"http://127.0.0.1:{port}/";
        attacker.Prefixes.Add(attackerUrl);
        attacker.Start();
    }

    [Fact]
    public async Task PageOnAnotherPort_CannotCreateDatasetsWithTheUsersCookie()
    {
        using var client = factory.CreateClient();
        var app = client.BaseAddress!.ToString().TrimEnd('/');
        var html = $$"""
            <!doctype html><html><body>
            <form id="f" method="post" action="{{app}}/api/datasets/demo" enctype="multipart/form-data" target="sink">
              <input name="name" value="csrf-form"></form>
            <iframe name="sink"></iframe>
            <script>
              const body = new FormData();
              body.append('file', new Blob(['PK not really a zip']), 'upload.zip');
              body.append('name', 'csrf-fetch');
              fetch('{{app}}/api/datasets', { method: 'POST', mode: 'no-cors', credentials: 'include', body })
                .then(() => document.title = 'fetched', () => document.title = 'fetch failed')
                .finally(() => document.getElementById('f').submit());
            </script></body></html>
            """;
        var serving = ServeAsync(html);

        var page = await BrowserSignIn.NewSignedInPageAsync(browser!, client.BaseAddress!, XaiLabAppFactory.AdminEmail, XaiLabAppFactory.AdminPassword);
        var cookies = await page.Context.CookiesAsync([client.BaseAddress!.ToString()]);
        Assert.Contains(cookies, c => c.Name == "xailab.auth");
        await page.GotoAsync(attackerUrl);
        await page.WaitForFunctionAsync("document.title === 'fetched'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(1500); // the form's post lands in the iframe
        await serving;

        var names = (await client.GetFromJsonAsync<JsonElement>("/api/datasets")).EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain("csrf-fetch", names);
        Assert.DoesNotContain("csrf-form", names);
        Assert.Empty(names);

        // The same user's token still works for scripts, and the UI itself still works with the cookie.
        Assert.False((await client.GetAsync("/api/health")).Headers.Contains("Server"), "no Server header");
        var byToken = await client.PostAsJsonAsync("/api/datasets/demo", new { slices = 120, size = 64, name = "by token" });
        Assert.True(byToken.IsSuccessStatusCode, await byToken.Content.ReadAsStringAsync());
        await page.GotoAsync(new Uri(client.BaseAddress!, "/").ToString());
        await page.Locator("text=by token").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    private async Task ServeAsync(string html)
    {
        var context = await attacker.GetContextAsync();
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        attacker.Close();
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        factory.Dispose();
    }
}
