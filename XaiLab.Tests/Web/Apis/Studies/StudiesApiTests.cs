using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Studies;

/// <summary>Studies through the public API of the real host: roles, blinding, ratings, results and CSV.</summary>
[Collection(WebHostCollection.Name)]
public sealed class StudiesApiTests : IAsyncLifetime
{
    private const string Researcher = "researcher-1";
    private readonly XaiLabAppFactory host = new();
    private static readonly (string Name, string Role)[] People =
    [
        (Researcher, XaiLabRoles.Researcher), ("admin-1", XaiLabRoles.Admin), ("alice", XaiLabRoles.Annotator),
        ("bob", XaiLabRoles.Annotator), ("carol", XaiLabRoles.Annotator), ("mallory", XaiLabRoles.Annotator),
    ];

    private readonly Dictionary<string, (string Id, string Token, string Role)> users = [];
    private XaiLabAppFactory factory = null!;
    private IReadOnlyList<SeededMap> maps = [];

    public async Task InitializeAsync()
    {
        factory = host;
        maps = await StudyMaps.SeedAsync(factory.Services, slices: 4);
        // Real accounts in the default team, one per person of the scenarios, known by name in the tests.
        foreach (var (name, role) in People)
        {
            var email = await host.CreateUserAsync(role, XaiLab.Data.Entities.Team.DefaultTeamId);
            await using var scope = host.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<XaiLab.Data.Entities.XaiLabUser>>()
                .FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            users[name] = (user.Id, await host.CreateTokenAsync(email), role);
        }
    }

    private string Id(string name) => users[name].Id;

    [Fact]
    public async Task Annotators_MustBeRatersOfTheStudysTeam_AndItemImagesStayInTheTeam()
    {
        var otherTeam = await host.CreateTeamAsync("neighbour lab");
        var foreignEmail = await host.CreateUserAsync(XaiLabRoles.Annotator, otherTeam);
        var viewerEmail = await host.CreateUserAsync(XaiLabRoles.Viewer, XaiLab.Data.Entities.Team.DefaultTeamId);
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<XaiLab.Data.Entities.XaiLabUser>>();
        var foreign = (await accounts.FindByEmailAsync(foreignEmail))!.Id;
        var viewer = (await accounts.FindByEmailAsync(viewerEmail))!.Id;
        using var researcher = Client(Researcher, XaiLabRoles.Researcher);
        var mapIds = maps.Take(1).Select(m => m.MapId).ToArray();

        foreach (var (annotator, expected) in new[] { (foreign, "is not a user of team"), (viewer, "may not rate"), ("no-such-user", "is not a user of team") })
        {
            var refused = await researcher.PostAsJsonAsync("/api/studies", new { title = "t", question = "q", mapIds, annotatorUserIds = new[] { annotator } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(expected, await refused.Content.ReadAsStringAsync());
        }

        var created = await researcher.PostAsJsonAsync("/api/studies", Request(mapIds, ["alice"]));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var alice = Client("alice", XaiLabRoles.Annotator);
        var token = (await alice.GetFromJsonAsync<JsonElement>($"/api/studies/{id}/next")).GetProperty("item").GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/studies/{id}/items/{token}/image.png")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync($"/api/studies/{id}/items/{token}/image.png")).StatusCode);
        using var outsider = await host.CreateUserClientAsync(XaiLabRoles.Researcher, otherTeam);
        using var outsideAdmin = await host.CreateUserClientAsync(XaiLabRoles.Admin, otherTeam);
        foreach (var layer in new[] { "image", "mask", "overlay" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/studies/{id}/items/{token}/{layer}.png")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsideAdmin.GetAsync($"/api/studies/{id}/items/{token}/{layer}.png")).StatusCode);
        }
    }

    [Fact]
    public async Task Create_IsForResearchersAndAdmins()
    {
        var body = Request(maps.Take(2).Select(m => m.MapId), ["alice"]);
        using var anonymous = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/studies", body)).StatusCode);
        using var annotator = Client("alice", XaiLabRoles.Annotator);
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.PostAsJsonAsync("/api/studies", body)).StatusCode);
        using var admin = Client("admin-1", XaiLabRoles.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/studies", body)).StatusCode);
        using var researcher = Client(Researcher, XaiLabRoles.Researcher);
        var created = await researcher.PostAsJsonAsync("/api/studies", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/studies/{id}", created.Headers.Location!.ToString());

        var study = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{id}");
        Assert.Equal(Id(Researcher), study.GetProperty("createdByUserId").GetString());
        Assert.Equal(2, study.GetProperty("items").GetArrayLength());
        Assert.Contains(study.GetProperty("items").EnumerateArray(), i => StudyMaps.Methods.Contains(i.GetProperty("a").GetProperty("method").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync($"/api/studies/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.PostAsync($"/api/studies/{id}/close", null)).StatusCode);
        // A researcher of another team: the study does not exist for them, and the maps are not theirs to use.
        var otherTeam = await host.CreateTeamAsync("other lab");
        using var outsider = await host.CreateUserClientAsync(XaiLabRoles.Researcher, otherTeam);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/studies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/studies/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/studies/{id}/close", null)).StatusCode);
        Assert.DoesNotContain(id, (await outsider.GetFromJsonAsync<JsonElement>("/api/studies")).EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, (await outsider.PostAsJsonAsync("/api/studies", body)).StatusCode);
        using var stranger = Client("mallory", XaiLabRoles.Annotator);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{id}/next")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"title":"","question":"q","mapIds":[MAP],"annotatorUserIds":["a"]}""", "title")]
    [InlineData("""{"title":"t","question":"q","mapIds":[MAP],"annotatorUserIds":[]}""", "annotator")]
    [InlineData("""{"title":"t","question":"q","mapIds":[999999],"annotatorUserIds":["a"]}""", "does not exist")]
    [InlineData("""{"title":"t","question":"q","mapIds":[MAP],"annotatorUserIds":["a"],"scalePoints":12}""", "scalePoints")]
    [InlineData("""{"title":"t","question":"q","pairs":[{"mapIdA":MAP,"mapIdB":OTHER_SLICE}],"annotatorUserIds":["a"]}""", "different slices")]
    [InlineData("""{"title":"t","question":"q","mapIds":[MAP],"gold":[{"mapId":MAP}],"annotatorUserIds":["a"]}""", "expectedValue")]
    public async Task Create_RejectsInvalidStudies(string json, string expected)
    {
        var otherSlice = maps.First(m => m.SliceId != maps[0].SliceId).MapId;
        using var researcher = Client(Researcher, XaiLabRoles.Researcher);
        var body = json.Replace("OTHER_SLICE", otherSlice.ToString()).Replace("MAP", maps[0].MapId.ToString());
        var response = await researcher.PostAsync("/api/studies", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Annotators_RateBlindedItems_AndResearchersReadTheResults()
    {
        // Eight single maps (both methods on both runs, two slices), one A/B pair, one gold map; two repeats each.
        var singles = maps.Where(m => m.SliceId <= maps[7].SliceId).Take(8).ToList();
        var pairSlice = maps.Where(m => m.SliceId == maps[^1].SliceId).ToList();
        var gold = maps[^1];
        using var researcher = Client(Researcher, XaiLabRoles.Researcher);
        var created = await researcher.PostAsJsonAsync("/api/studies", new
        {
            title = "Tumour evidence, round 1",
            question = "How well does the highlighted region cover the tumour?",
            scalePoints = 5,
            askClick = true,
            mapIds = singles.Select(m => m.MapId),
            pairs = new[] { new { mapIdA = pairSlice[0].MapId, mapIdB = pairSlice[1].MapId } },
            annotatorUserIds = new[] { Id("alice"), Id("bob") },
            repeats = 2,
            gold = new[] { new { mapId = gold.MapId, expectedValue = 5 } },
            seed = 7,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var forbidden = Forbidden();
        var tokens = new Dictionary<string, List<string>>();

        foreach (var annotator in new[] { "alice", "bob" })
        {
            using var client = Client(annotator, XaiLabRoles.Annotator);
            tokens[annotator] = [];
            var overview = await client.GetStringAsync($"/api/studies/{id}");
            AssertBlinded(overview, forbidden);
            Assert.Equal(12, JsonDocument.Parse(overview).RootElement.GetProperty("total").GetInt32());
            while (true)
            {
                var text = await client.GetStringAsync($"/api/studies/{id}/next");
                AssertBlinded(text, forbidden);
                var next = JsonDocument.Parse(text).RootElement;
                if (next.GetProperty("complete").GetBoolean())
                {
                    Assert.Equal(JsonValueKind.Null, next.GetProperty("item").ValueKind);
                    Assert.Equal(12, next.GetProperty("done").GetInt32());
                    break;
                }
                var item = next.GetProperty("item");
                var token = item.GetProperty("token").GetString()!;
                Assert.Matches("^[0-9a-f]{32}$", token);
                tokens[annotator].Add(token);
                var urls = new[] { item.GetProperty("imageUrl").GetString()!, item.GetProperty("maskUrl").GetString()! }
                    .Concat(item.GetProperty("overlayUrls").EnumerateArray().Select(u => u.GetString()!)).ToList();
                foreach (var url in urls)
                {
                    Assert.DoesNotContain("run", url, StringComparison.OrdinalIgnoreCase);
                    using var png = await client.GetAsync(url);
                    Assert.Equal(HttpStatusCode.OK, png.StatusCode);
                    Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
                    AssertBlinded(string.Join('\n', png.Headers.Concat(png.Content.Headers).Select(h => $"{h.Key}: {string.Join(',', h.Value)}")), forbidden);
                    AssertBlinded(Encoding.Latin1.GetString(await png.Content.ReadAsByteArrayAsync()), forbidden);
                }
                var rating = await RatingFor(id, annotator, token, item.GetProperty("kind").GetString()!);
                var posted = await client.PostAsJsonAsync($"/api/studies/{id}/ratings", rating);
                Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
                AssertBlinded(await posted.Content.ReadAsStringAsync(), forbidden);
            }
        }

        // Tokens are per presentation: nobody else's token opens an image or takes a rating.
        Assert.Empty(tokens["alice"].Intersect(tokens["bob"]));
        using (var bob = Client("bob", XaiLabRoles.Annotator))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{id}/items/{tokens["alice"][0]}/image.png")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await bob.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token = tokens["alice"][0], value = 3 })).StatusCode);
        }

        var results = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{id}/results");
        Assert.Equal(24, results.GetProperty("ratings").GetInt32());
        // Alice and Bob agree on every first showing: all agreement statistics are 1.
        var agreement = results.GetProperty("agreement");
        Assert.Equal(8, agreement.GetProperty("items").GetInt32());
        Assert.Equal(1.0, agreement.GetProperty("alphaOrdinal").GetDouble(), 9);
        Assert.Equal(1.0, agreement.GetProperty("alphaNominal").GetDouble(), 9);
        Assert.Equal(1.0, agreement.GetProperty("fleissKappa").GetDouble(), 9);
        Assert.Equal(1.0, agreement.GetProperty("cohenPairs")[0].GetProperty("quadraticKappa").GetDouble(), 9);
        Assert.Equal(1, results.GetProperty("pairAgreement").GetProperty("items").GetInt32());
        var methodModels = results.GetProperty("methodModels").EnumerateArray().ToList();
        Assert.Equal(4, methodModels.Count);
        foreach (var row in methodModels)
        {
            var rated = singles.Where(m => m.Method == row.GetProperty("method").GetString() && m.RunId == row.GetProperty("runId").GetInt32()).ToList();
            Assert.Equal(rated.Average(m => (double)LikertOf(m)), row.GetProperty("mean").GetDouble(), 9);
            Assert.Equal(2 * rated.Count, row.GetProperty("ratings").GetInt32());
            Assert.InRange(row.GetProperty("lower").GetDouble(), 1, row.GetProperty("mean").GetDouble());
            Assert.Contains(row.GetProperty("architecture").GetString(), StudyMaps.Architectures);
        }
        var preferences = results.GetProperty("preferences").EnumerateArray().ToList();
        Assert.Equal(2, preferences.Sum(p => p.GetProperty("wins").GetInt32()));
        var byId = users.ToDictionary(u => u.Value.Id, u => u.Key);
        var annotators = results.GetProperty("annotators").EnumerateArray().ToDictionary(a => byId[a.GetProperty("userId").GetString()!]);
        Assert.Equal(1.0, annotators["alice"].GetProperty("goldAccuracy").GetDouble());
        Assert.Equal(0.0, annotators["bob"].GetProperty("goldAccuracy").GetDouble());
        Assert.Equal(2, annotators["alice"].GetProperty("repeatPairs").GetInt32());
        Assert.Equal(1.0, annotators["alice"].GetProperty("repeatExact").GetDouble());
        Assert.Equal(0.0, annotators["bob"].GetProperty("repeatExact").GetDouble());
        // Ratings were derived from relevance mass, so they rank the maps as that score does.
        var relevance = results.GetProperty("correlations").EnumerateArray().Single(c => c.GetProperty("score").GetString() == "relevanceMass");
        Assert.Equal(8, relevance.GetProperty("maps").GetInt32());
        Assert.True(relevance.GetProperty("rho").GetDouble() > 0.8, relevance.ToString());

        var csv = (await researcher.GetStringAsync($"/api/studies/{id}/results.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("studyId,annotator,position,isRepeat,isGold,itemId,kind,sliceId,mapIdA,runIdA,architectureA,methodA", csv[0]);
        Assert.Equal(25, csv.Length);
        Assert.Contains(csv, line => line.Contains("grad-cam", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await researcher.PostAsync($"/api/studies/{id}/close", null)).StatusCode);
        using var alice = Client("alice", XaiLabRoles.Annotator);
        Assert.Equal(HttpStatusCode.Conflict, (await alice.GetAsync($"/api/studies/{id}/next")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await alice.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token = tokens["alice"][0], value = 1, choice = (string?)null })).StatusCode);
        var closed = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{id}");
        Assert.Equal("closed", closed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ratings_ValidateTheAnswerAgainstTheItem()
    {
        using var researcher = Client(Researcher, XaiLabRoles.Researcher);
        var created = await researcher.PostAsJsonAsync("/api/studies", Request([maps[0].MapId], ["carol"]));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var carol = Client("carol", XaiLabRoles.Annotator);
        var next = await carol.GetFromJsonAsync<JsonElement>($"/api/studies/{id}/next");
        var token = next.GetProperty("item").GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await carol.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token, value = 6 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await carol.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token, choice = "left" })).StatusCode);
        // This study does not ask for a click point.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await carol.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token, value = 2, clickX = 0.5, clickY = 0.5 })).StatusCode);
        var first = await carol.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token, value = 2, comment = "edge only" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await carol.PostAsJsonAsync($"/api/studies/{id}/ratings", new { token, value = 4 });
        var progress = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, progress.GetProperty("done").GetInt32());
        Assert.True(progress.GetProperty("complete").GetBoolean());
        var results = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{id}/results");
        Assert.Equal(4.0, results.GetProperty("methodModels")[0].GetProperty("mean").GetDouble());
    }

    /// <summary>Alice's Likert answer for a map: relevance mass on the 1..5 scale.</summary>
    private static int LikertOf(SeededMap map) => Math.Clamp(1 + (int)(map.RelevanceMass * 5), 1, 5);

    /// <summary>
    /// The answer to a presentation, decided with the researcher's knowledge of the item: both annotators give
    /// <see cref="LikertOf"/> on first showings; on repeats Alice repeats herself and Bob moves one point; on the gold
    /// map (expected 5) Alice answers 5 and Bob 3; on the pair both choose map A, except Bob on a repeat.
    /// </summary>
    private async Task<object> RatingFor(int studyId, string annotator, string token, string kind)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var assignment = await db.StudyAssignments.Include(a => a.Item).SingleAsync(a => a.StudyId == studyId && a.Token == token);
        if (kind == "pair")
        {
            // Map A wherever it is shown, except on Bob's repeat.
            var chooseA = !(assignment.IsRepeat && annotator == "bob");
            return new { token, choice = chooseA != assignment.SwapSides ? "left" : "right", clickX = 0.25, clickY = 0.75, comment = "covers more" };
        }
        if (assignment.Item!.IsGold)
        {
            return new { token, value = annotator == "alice" ? 5 : 3 };
        }
        var likert = LikertOf(maps.Single(m => m.MapId == assignment.Item.MapId));
        var value = assignment.IsRepeat && annotator == "bob" ? (likert == 5 ? 4 : likert + 1) : likert;
        return new { token, value };
    }

    /// <summary>Every run, model and method name, and the id-bearing field names, that an annotator must never see.</summary>
    private static string[] Forbidden() =>
        [.. StudyMaps.Methods, .. StudyMaps.Architectures, "runId", "mapId", "sliceId", "itemId", "method", "architecture", "/runs/", "attribution"];

    internal static void AssertBlinded(string text, IEnumerable<string> forbidden)
    {
        foreach (var word in forbidden)
        {
            Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' leaked into: {text[..Math.Min(text.Length, 400)]}");
        }
    }

    private object Request(IEnumerable<int> mapIds, string[] annotators) => new
    {
        title = "Round", question = "How well does the highlight match the tumour?", mapIds, annotatorUserIds = annotators.Select(Id).ToArray(),
    };

    private HttpClient Client(string user, string role)
    {
        Assert.Equal(role, users[user].Role);
        return host.CreateClientWithToken(users[user].Token);
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }
}
