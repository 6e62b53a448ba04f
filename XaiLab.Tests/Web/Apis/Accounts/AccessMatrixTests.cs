using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>
/// Every API route x every role (and nobody) x the caller's own team and another team's ids. Another team's objects are
/// 403 or 404, never data: no response to anyone may contain the other team's marker text.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed partial class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    public const string OwnTeam = "own";
    public const string OtherTeam = "other";

    private static readonly string[] Callers = [AccessMatrixFixture.Anonymous, .. XaiLabRoles.All];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in ApiRoutes.All)
        {
            foreach (var caller in Callers)
            {
                data.Add(route.Name, caller, OwnTeam);
                if (route.HasTeamScope)
                {
                    data.Add(route.Name, caller, OtherTeam);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_AnswersEachRoleOnlyWithinItsTeams(string routeName, string caller, string team)
    {
        var route = ApiRoutes.All.Single(r => r.Name == routeName);
        var target = team == OwnTeam ? fixture.Own : fixture.Other;
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path(target)) { Content = route.Body?.Invoke(target) };
        using var response = await fixture.Clients[caller].SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var because = $"{route.Name} as {caller} on the {team} team answered {status}: {Shorten(body)}";

        Assert.False(status >= 500, because);
        Assert.DoesNotContain(fixture.Other.Marker, body, StringComparison.Ordinal);
        switch (Expect(route, caller, team))
        {
            case Outcome.Unauthenticated:
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
                break;
            case Outcome.Forbidden:
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, because);
                break;
            case Outcome.Hidden:
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, because);
                break;
            case Outcome.Read when route.Redirects:
                Assert.True(response.StatusCode == HttpStatusCode.PermanentRedirect, because);
                Assert.Equal($"/api/attributions/maps/{target.AttributionMapId}/overlay.png", response.Headers.Location?.OriginalString);
                break;
            case Outcome.Read:
                Assert.True(response.StatusCode == HttpStatusCode.OK, because);
                break;
            case Outcome.Allowed:
                // A user's own token routes may answer 404 (revoking a token id they do not have); data routes may not.
                Assert.True(status is >= 200 and < 500 and not 401 and not 403 && (status != 404 || route.MayBeMissing), because);
                break;
        }
    }

    [Fact]
    public void RouteTable_CoversEveryMappedApiRoute()
    {
        var mapped = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = ApiRoutes.All.Select(r => $"{r.Method} {Normalize(r.Template.Split('?')[0])}").ToHashSet();
        // The token endpoint is open by design and tested on its own (PersonalAccessTokenTests).
        covered.Add("POST /api/auth/token");
        // Team backups are administrators' (TeamBackups_AreForAdminsOnly below; contents in TeamBackupsApiTests).
        mapped.RemoveWhere(route => route.Contains(" /api/teams/", StringComparison.Ordinal));
        Assert.Equal([], mapped.Except(covered).Order().ToList());
    }

    [Fact]
    public async Task TeamBackups_AreForAdminsOnly()
    {
        foreach (var role in new[] { XaiLabRoles.Researcher, XaiLabRoles.Viewer, XaiLabRoles.Annotator })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Clients[role].GetAsync("/api/teams/1/backup")).StatusCode);
            using var body = new ByteArrayContent([1, 2, 3]);
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Clients[role].PostAsync("/api/teams/restore", body)).StatusCode);
        }
    }

    [Fact]
    public async Task HangfireDashboard_OpensForAdminsOnly()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Clients[XaiLabRoles.Admin].GetAsync("/hangfire")).StatusCode);
        foreach (var role in new[] { XaiLabRoles.Researcher, XaiLabRoles.Viewer, XaiLabRoles.Annotator })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Clients[role].GetAsync("/hangfire")).StatusCode);
        }
        var anonymous = await fixture.Clients[AccessMatrixFixture.Anonymous].GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private enum Outcome { Unauthenticated, Forbidden, Hidden, Read, Allowed }

    private static Outcome Expect(ApiRoute route, string caller, string team)
    {
        var access = route.Access;
        if (access == RouteAccess.Open)
        {
            return Outcome.Read;
        }
        if (caller == AccessMatrixFixture.Anonymous)
        {
            return Outcome.Unauthenticated;
        }
        var permitted = access switch
        {
            RouteAccess.SignedIn => true,
            RouteAccess.Read => XaiLabPolicies.ReadRoles.Contains(caller),
            RouteAccess.Write => XaiLabPolicies.WriteRoles.Contains(caller),
            _ => caller == XaiLabRoles.Admin,
        };
        if (!permitted)
        {
            return Outcome.Forbidden;
        }
        if (team == OtherTeam)
        {
            // Other teams' ids are left out like unknown ones; the marker check above proves nothing of theirs came back.
            return route.DropsUnknownIds ? Outcome.Read : Outcome.Hidden;
        }
        return access == RouteAccess.Read ? Outcome.Read : Outcome.Allowed;
    }

    private static string Normalize(string pattern) => Placeholder().Replace(pattern, "{}").TrimEnd('/');

    private static string Shorten(string text) => text.Length > 300 ? text[..300] : text;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
