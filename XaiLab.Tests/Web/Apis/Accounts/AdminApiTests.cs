using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>Teams and users through the admin API, and where created objects land.</summary>
[Collection(WebHostCollection.Name)]
public sealed class AdminApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task CreatedUser_SignsInWithTheirRoleAndTeams_AndTheirFirstTeamOwnsWhatTheyCreate()
    {
        using var admin = factory.CreateClient();
        var teamA = await CreateTeamAsync(admin, "Neuro");
        var teamB = await CreateTeamAsync(admin, "Chest");
        var created = await admin.PostAsJsonAsync("/api/admin/users",
            new { email = "r@xailab.test", password = "Research-1", role = "researcher", teamIds = new[] { teamB, teamA } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var anonymous = factory.CreateAnonymousClient();
        var token = (await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "r@xailab.test", password = "Research-1" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var researcher = factory.CreateClientWithToken(token);
        var me = await researcher.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal([XaiLabRoles.Researcher], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([teamB, teamA], me.GetProperty("teamIds").EnumerateArray().Select(t => t.GetInt32()));

        var inFirst = await IdOf(await researcher.PostAsJsonAsync("/api/datasets/demo", new { slices = 12, name = "first team's" }));
        var inA = await IdOf(await researcher.PostAsJsonAsync("/api/datasets/demo", new { slices = 12, name = "named team's", teamId = teamA }));

        using var viewerOfB = await factory.CreateUserClientAsync(XaiLabRoles.Viewer, teamB);
        using var viewerOfA = await factory.CreateUserClientAsync(XaiLabRoles.Viewer, teamA);
        Assert.Equal(HttpStatusCode.OK, (await viewerOfB.GetAsync($"/api/datasets/{inFirst}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewerOfB.GetAsync($"/api/datasets/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewerOfA.GetAsync($"/api/datasets/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewerOfA.GetAsync($"/api/datasets/{inFirst}")).StatusCode);
        // The administrator belongs to the default team only: other teams' data is not theirs to read either.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/datasets/{inA}")).StatusCode);
    }

    [Fact]
    public async Task EditedUser_GetsTheNewRoleTeamsAndPassword_LockedUserIsShutOut_DeletedUserIsGone()
    {
        using var admin = factory.CreateClient();
        var team = await CreateTeamAsync(admin, "Edited");
        var email = await factory.CreateUserAsync(XaiLabRoles.Viewer, 1);
        var id = await UserIdAsync(admin, email);
        using var user = factory.CreateClientWithToken(await factory.CreateTokenAsync(email));
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/datasets/demo", new { slices = 12 })).StatusCode);

        // Role and teams: the user's existing token carries the change at once.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PatchAsJsonAsync($"/api/admin/users/{id}",
            new { role = "researcher", teamIds = new[] { team, 1 } })).StatusCode);
        var me = await user.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal([XaiLabRoles.Researcher], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal([team, 1], me.GetProperty("teamIds").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal(HttpStatusCode.Accepted, (await user.PostAsJsonAsync("/api/datasets/demo", new { slices = 12 })).StatusCode);

        // Password reset: the old one stops working, the new one signs in.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "Brand-new-1" })).StatusCode);
        using var anonymous = factory.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = XaiLabAppFactory.UserPassword })).StatusCode);
        var fresh = await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = "Brand-new-1" });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        // The reset also ends the tokens the old password gave.
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
        user.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/auth/me")).StatusCode);

        // Locked: every token of the user stops working; unlocked: back.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PatchAsJsonAsync($"/api/admin/users/{id}", new { locked = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == email).GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PatchAsJsonAsync($"/api/admin/users/{id}", new { locked = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync($"/api/admin/users/{id}", new { role = "superuser" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync($"/api/admin/users/{id}", new { teamIds = new[] { 999 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PatchAsJsonAsync("/api/admin/users/nobody", new { locked = true })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray(), u => u.GetProperty("email").GetString() == email);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/users/{id}")).StatusCode);

        var audit = await admin.GetStringAsync("/api/admin/audit?objectType=user");
        Assert.Contains("user.updated", audit, StringComparison.Ordinal);
        Assert.Contains("user.password-reset", audit, StringComparison.Ordinal);
        Assert.Contains("user.deleted", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastUnlockedAdministrator_CannotBeDemotedLockedOrDeleted()
    {
        using var admin = factory.CreateClient();
        var adminId = await UserIdAsync(admin, XaiLabAppFactory.AdminEmail);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsJsonAsync($"/api/admin/users/{adminId}", new { role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsJsonAsync($"/api/admin/users/{adminId}", new { locked = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/admin/users/{adminId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me")).StatusCode);

        // With a second administrator the first may step down.
        var second = await factory.CreateUserAsync(XaiLabRoles.Admin, 1);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PatchAsJsonAsync($"/api/admin/users/{await UserIdAsync(admin, second)}", new { teamIds = new[] { 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PatchAsJsonAsync($"/api/admin/users/{adminId}", new { role = "researcher" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/admin/users")).StatusCode);
    }

    private static async Task<string> UserIdAsync(HttpClient admin, string email) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray()
            .Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetString()!;

    [Fact]
    public async Task CreateUser_RejectsUnknownRolesTeamsWeakPasswordsAndDuplicates()
    {
        using var admin = factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users",
            new { email = "a@xailab.test", password = "Research-1", role = "superuser", teamIds = new[] { 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users",
            new { email = "a@xailab.test", password = "Research-1", role = "viewer", teamIds = new[] { 999 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/users",
            new { email = "a@xailab.test", password = "short", role = "viewer", teamIds = new[] { 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/users",
            new { email = XaiLabAppFactory.AdminEmail, password = "Research-1", role = "viewer", teamIds = new[] { 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/admin/teams", new { name = "Default team" })).StatusCode);
    }

    [Fact]
    public async Task CreatingInATeamTheCallerIsNotIn_IsForbidden()
    {
        using var admin = factory.CreateClient();
        var other = await CreateTeamAsync(admin, "Elsewhere");
        using var researcher = await factory.CreateUserClientAsync(XaiLabRoles.Researcher);
        var response = await researcher.PostAsJsonAsync("/api/datasets/demo", new { slices = 12, teamId = other });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<int> CreateTeamAsync(HttpClient admin, string name) =>
        await IdOf(await admin.PostAsJsonAsync("/api/admin/teams", new { name }));

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public void Dispose() => factory.Dispose();
}
