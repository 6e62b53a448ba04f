using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Services.Accounts;

/// <summary>The first administrator: from configuration, or with a one-time password logged once.</summary>
[Collection(WebHostCollection.Name)]
public sealed partial class AdminBootstrapperTests
{
    [Fact]
    public async Task ConfiguredAdmin_IsCreatedInTheDefaultTeam_AndThePasswordIsNeverLogged()
    {
        using var factory = new XaiLabAppFactory();
        factory.CreateClient().Dispose();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<XaiLabUser>>();
        var admin = await users.FindByEmailAsync(XaiLabAppFactory.AdminEmail);
        Assert.NotNull(admin);
        Assert.Equal([XaiLabRoles.Admin], await users.GetRolesAsync(admin));
        var summary = (await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ListUsersAsync()).Single();
        Assert.Equal([Team.DefaultTeamId], summary.TeamIds);
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(XaiLabAppFactory.AdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAPassword_AOneTimePasswordIsLoggedOnce_AndWorksAfterARestart()
    {
        var data = Directory.CreateTempSubdirectory("xailab-bootstrap-").FullName;
        try
        {
            string password;
            using (var first = new XaiLabAppFactory(data).WithSetting("XaiLab:Admin:Password", string.Empty))
            {
                first.CreateAnonymousClient().Dispose();
                var line = Assert.Single(first.Logs.Messages, m => m.Contains("one-time password", StringComparison.Ordinal));
                password = OneTimePassword().Match(line).Groups[1].Value;
                Assert.Equal(20, password.Length);
            }
            using var second = new XaiLabAppFactory(data).WithSetting("XaiLab:Admin:Password", string.Empty);
            using var anonymous = second.CreateAnonymousClient();
            Assert.DoesNotContain(second.Logs.Messages, m => m.Contains("one-time password", StringComparison.Ordinal) || m.Contains(password, StringComparison.Ordinal));
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = XaiLabAppFactory.AdminEmail, password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; the OS cleans temp folders.
            }
        }
    }

    [GeneratedRegex(@"one-time password (\S+)")]
    private static partial Regex OneTimePassword();
}
