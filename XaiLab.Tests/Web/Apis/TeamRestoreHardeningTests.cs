using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis;

/// <summary>
/// A team restore trusts nothing in its archive: entry names that climb out of their folder, row paths that point at
/// other teams' files, and archives that expand like a ZIP bomb are refused with nothing written; every restored row
/// belongs to the new team; an administrator backs up only the teams they are in.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class TeamRestoreHardeningTests : IDisposable
{
    private readonly XaiLabAppFactory app = new();

    [Fact]
    public async Task EntryClimbingOutOfArtifacts_IsRefused_AndTheOtherTeamsSliceIsUntouched()
    {
        var (archive, victim) = await BackupAsync();
        var evil = Rewrite(archive, zip =>
        {
            var entry = zip.CreateEntry($"artifacts/../../{victim}");
            using var stream = entry.Open();
            stream.Write("overwritten"u8);
        });
        var before = app.Services.GetRequiredService<ArtifactStore>().Read(victim);
        var teams = await TeamCountAsync();

        var response = await RestoreAsync(evil);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("escapes the archive root", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, app.Services.GetRequiredService<ArtifactStore>().Read(victim));
        Assert.Equal(teams, await TeamCountAsync());
    }

    [Fact]
    public async Task RowPathThatClimbsOut_IsRefused_BeforeAnyFileIsWritten()
    {
        var (archive, victim) = await BackupAsync();
        var evil = RewriteRows(archive, rows => rows["slices"]![0]!["imagePath"] = $"../../{victim}");
        var restoredBefore = Directory.Exists(Path.Combine(app.DataDirectory, "artifacts", "restored"))
            ? Directory.GetDirectories(Path.Combine(app.DataDirectory, "artifacts", "restored")).Length : 0;

        var response = await RestoreAsync(evil);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a plain relative path", await response.Content.ReadAsStringAsync());
        var restoredAfter = Directory.Exists(Path.Combine(app.DataDirectory, "artifacts", "restored"))
            ? Directory.GetDirectories(Path.Combine(app.DataDirectory, "artifacts", "restored")).Length : 0;
        Assert.Equal(restoredBefore, restoredAfter);
    }

    [Fact]
    public async Task ArchiveThatExpandsLikeABomb_IsRefused()
    {
        var (archive, _) = await BackupAsync();
        var bomb = Rewrite(archive, zip =>
        {
            var entry = zip.CreateEntry("artifacts/padding.bin", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) stream.Write(zeros);
        });

        var response = await RestoreAsync(bomb);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expand", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryRestoredRow_BelongsToTheNewTeam()
    {
        var (archive, _) = await BackupAsync();
        var response = await RestoreAsync(archive);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var teamId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teamId").GetInt32();

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        Assert.All(await db.Datasets.Where(d => d.Id > 0).ToListAsync(), d => Assert.True(d.TeamId is Team.DefaultTeamId || d.TeamId == teamId));
        Assert.Equal(1, await db.Datasets.CountAsync(d => d.TeamId == teamId));
        Assert.Equal(1, await db.Runs.CountAsync(r => r.TeamId == teamId));
        var requests = await db.AttributionRequests.Where(r => r.TeamId != Team.DefaultTeamId).ToListAsync();
        Assert.Single(requests);
        Assert.Equal(teamId, requests[0].TeamId);
    }

    [Fact]
    public async Task AdministratorOfAnotherTeam_CannotBackItUp()
    {
        var otherTeam = await app.CreateTeamAsync("Other lab");
        using var own = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync($"/api/teams/{otherTeam}/backup")).StatusCode);

        using var otherAdmin = await app.CreateUserClientAsync(XaiLabRoles.Admin, otherTeam);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/teams/{Team.DefaultTeamId}/backup")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherAdmin.GetAsync($"/api/teams/{otherTeam}/backup")).StatusCode);
    }

    /// <summary>A backup of the default team (one dataset, slice, run and attribution request); returns it and a slice path of that team.</summary>
    private async Task<(byte[] Archive, string SlicePath)> BackupAsync()
    {
        var store = app.Services.GetRequiredService<ArtifactStore>();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync())
        {
            var dataset = new Dataset { TeamId = Team.DefaultTeamId, Name = "lab", Status = DatasetStatus.Ready, ClassNames = ["a", "b"], SliceCount = 1 };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            var path = $"datasets/{dataset.Id}/images/000000.png";
            store.Write(path, [1, 2, 3, 4]);
            var slice = new Slice { DatasetId = dataset.Id, PatientId = "p1", Width = 4, Height = 4, BitDepth = 8, ImagePath = path, ContentHash = "h" };
            db.Slices.Add(slice);
            var run = new TrainingRun { TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded };
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            db.AttributionRequests.Add(new AttributionRequest
            {
                TeamId = Team.DefaultTeamId, RunIds = [run.Id], Methods = ["vanilla-gradient"], SliceIds = [slice.Id],
                Status = AttributionRequestStatus.Succeeded, Total = 1, Done = 1,
            });
            await db.SaveChangesAsync();
        }
        using var client = app.CreateClient();
        var archive = await client.GetByteArrayAsync($"/api/teams/{Team.DefaultTeamId}/backup");
        await using var read = await app.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        return (archive, await read.Slices.OrderBy(s => s.Id).Select(s => s.ImagePath).FirstAsync());
    }

    private async Task<HttpResponseMessage> RestoreAsync(byte[] archive)
    {
        using var client = app.CreateClient();
        var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await client.PostAsync("/api/teams/restore", content);
    }

    private async Task<int> TeamCountAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync();
        return await db.Teams.CountAsync();
    }

    private static byte[] Rewrite(byte[] archive, Action<ZipArchive> change)
    {
        var copy = new MemoryStream();
        copy.Write(archive);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }
        return copy.ToArray();
    }

    private static byte[] RewriteRows(byte[] archive, Action<JsonNode> change) => Rewrite(archive, zip =>
    {
        var entry = zip.GetEntry("rows.json")!;
        JsonNode rows;
        using (var stream = entry.Open())
        {
            rows = JsonNode.Parse(stream)!;
        }
        change(rows);
        entry.Delete();
        using var target = zip.CreateEntry("rows.json").Open();
        target.Write(Encoding.UTF8.GetBytes(rows.ToJsonString()));
    });

    public void Dispose() => app.Dispose();
}
