using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>
/// Tokens end with the password that made them valid and after their lifetime (90 days unless asked otherwise); behind a
/// TLS proxy that XaiLab is told to trust, the session cookie is Secure.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class SessionHardeningTests : IDisposable
{
    private readonly XaiLabAppFactory app = new();

    [Fact]
    public async Task AdminPasswordReset_EndsTheUsersTokens()
    {
        var email = await app.CreateUserAsync(XaiLabRoles.Researcher, 1);
        var token = await app.CreateTokenAsync(email);
        using var user = app.CreateClientWithToken(token);
        var me = await user.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var userId = me.GetProperty("userId").GetString();

        using var admin = app.CreateClient();
        var reset = await admin.PostAsJsonAsync($"/api/admin/users/{userId}/password", new { password = "Brand-new-pass-2" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Tokens_ExpireAfter90DaysByDefault_OrAsAsked_AndExpiredOnesStopWorking()
    {
        using var admin = app.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/auth/tokens", new { name = "short", expiresInDays = 1 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var shortToken = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/auth/tokens", new { name = "x", expiresInDays = 0 })).StatusCode);

        var tokens = await admin.GetFromJsonAsync<JsonElement>("/api/auth/tokens");
        var byName = tokens.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.InRange(byName["short"] - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
        Assert.Contains(byName.Values, e => Math.Abs((e - DateTimeOffset.UtcNow).TotalDays - 90) < 1); // the factory's own token

        using var withShort = app.CreateClientWithToken(shortToken);
        Assert.Equal(HttpStatusCode.OK, (await withShort.GetAsync("/api/auth/me")).StatusCode);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync())
        {
            await db.PersonalAccessTokens.Where(t => t.Name == "short")
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await withShort.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task BehindATrustedTlsProxy_TheSessionCookieIsSecure()
    {
        using var proxied = new XaiLabAppFactory().WithSetting("XaiLab:Proxy:TrustForwardedHeaders", "true");
        _ = proxied.Server; // start it

        var signIn = await SignInAsync(proxied, forwardedProto: "https");
        var plain = await SignInAsync(proxied, forwardedProto: null);

        Assert.Contains("secure", signIn, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", plain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Posts the real sign-in form (with its antiforgery token) and returns the auth cookie's Set-Cookie header.</summary>
    private static async Task<string> SignInAsync(XaiLabAppFactory host, string? forwardedProto)
    {
        var client = host.CreateDefaultClient(new Uri("http://localhost"));
        client.DefaultRequestHeaders.Authorization = null;
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var form = await client.GetAsync("/account/signin");
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent([
                new("__RequestVerificationToken", antiforgery), new("_handler", "signin"),
                new("Input.Email", XaiLabAppFactory.AdminEmail), new("Input.Password", XaiLabAppFactory.AdminPassword)]),
        };
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        return response.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.FirstOrDefault(c => c.StartsWith("xailab.auth=", StringComparison.Ordinal)) ?? throw new InvalidOperationException($"no auth cookie: {(int)response.StatusCode}")
            : throw new InvalidOperationException($"no cookies: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => app.Dispose();
}
