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
