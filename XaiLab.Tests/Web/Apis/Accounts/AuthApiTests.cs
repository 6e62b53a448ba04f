using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>Personal access tokens end to end: issued for a password, stored only as a hash, revocable; wrong passwords
/// lock the account; password attempts are throttled per address.</summary>
[Collection(WebHostCollection.Name)]
public sealed class AuthApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Token_ForEmailAndPassword_ActsAsTheUserAndOnlyItsHashIsStored()
    {
        using var anonymous = factory.CreateAnonymousClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = XaiLabAppFactory.AdminEmail, password = XaiLabAppFactory.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.StartsWith(PersonalAccessTokens.TokenPrefix, token, StringComparison.Ordinal);

        using var scripted = factory.CreateClientWithToken(token);
        var me = await scripted.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(XaiLabAppFactory.AdminEmail, me.GetProperty("email").GetString());
        Assert.Equal([1], me.GetProperty("teamIds").EnumerateArray().Select(t => t.GetInt32()));

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync())
        {
            var rows = await db.PersonalAccessTokens.ToListAsync();
            var row = Assert.Single(rows, r => r.TokenHash == PersonalAccessTokens.Hash(token));
            Assert.Equal(64, row.TokenHash.Length);
            Assert.DoesNotContain(rows, r => r.TokenHash.Contains(token, StringComparison.Ordinal) || r.Name.Contains(token, StringComparison.Ordinal));
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        // Nowhere in the database files, not even in the write-ahead log.
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "xailab.db*"))
        {
            Assert.DoesNotContain(token, Encoding.Latin1.GetString(await ReadSharedAsync(file)), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(token, StringComparison.Ordinal) || m.Contains(XaiLabAppFactory.AdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_WrongPasswordOrUnknownUser_Is401WithOneMessage()
    {
        using var anonymous = factory.CreateAnonymousClient();
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = XaiLabAppFactory.AdminEmail, password = "wrong-password" });
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "nobody@xailab.test", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RevokedToken_StopsWorkingAndOthersTokensCannotBeRevoked()
    {
        using var admin = factory.CreateClient();
        using var researcher = await factory.CreateUserClientAsync(XaiLabRoles.Researcher);
        var created = await (await researcher.PostAsJsonAsync("/api/auth/tokens", new { name = "ci" })).Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        var id = created.GetProperty("id").GetInt32();
        using var scripted = factory.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await scripted.GetAsync("/api/datasets")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/auth/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scripted.GetAsync("/api/datasets")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await researcher.DeleteAsync($"/api/auth/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scripted.GetAsync("/api/datasets")).StatusCode);
        var listed = await researcher.GetFromJsonAsync<JsonElement>("/api/auth/tokens");
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("id").GetInt32() == id && t.GetProperty("revokedAt").ValueKind != JsonValueKind.Null);
        Assert.DoesNotContain(token, listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPasswords_LockTheAccount_AndItsTokensStop()
    {
        var email = await factory.CreateUserAsync(XaiLabRoles.Researcher, 1);
        using var scripted = factory.CreateClientWithToken(await factory.CreateTokenAsync(email));
        using var anonymous = factory.CreateAnonymousClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = $"wrong-{attempt}" })).StatusCode);
        }
        var right = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = XaiLabAppFactory.UserPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scripted.GetAsync("/api/datasets")).StatusCode);

        using var admin = factory.CreateClient();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.True(users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("lockedOut").GetBoolean());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=signin.failed");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("detail").GetString()!.Contains("locked out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PasswordAttempts_AreThrottledPerAddress_FormAndApiTogether()
    {
        using var throttled = new XaiLabAppFactory().WithSetting("Accounts:SignInAttemptsPerMinute", "3");
        using var anonymous = throttled.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "x@xailab.test", password = "wrong-password" })).StatusCode);
        }
        statuses.Add((await anonymous.PostAsync("/account/signin", new FormUrlEncodedContent([new("Input.Email", "x@xailab.test")]))).StatusCode);
        var fourth = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = XaiLabAppFactory.AdminEmail, password = XaiLabAppFactory.AdminPassword });

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("60", fourth.Headers.RetryAfter?.ToString());
        // Other routes are not throttled.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var anonymous = factory.CreateAnonymousClient();
        foreach (var path in new[] { "/api/health", "/account/signin", "/api/datasets" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(SecurityHeadersPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Errors_ComeAsProblemDetailsWithoutStackTraces()
    {
        using var admin = factory.CreateClient();
        var response = await admin.PostAsync("/api/runs", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private const string SecurityHeadersPolicy = XaiLab.Web.Services.Security.SecurityHeaders.ContentSecurityPolicy;

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    public void Dispose() => factory.Dispose();
}
