using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Backups;

namespace XaiLab.Web.Apis;

/// <summary>
/// Backup and restore of a team's project as one zip (rows + artifacts). Administrative: every endpoint of this file
/// belongs behind the administrators' authorization once accounts exist.
/// </summary>
public static class TeamBackupsApi
{
    public static IEndpointRouteBuilder MapTeamBackupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/teams").WithTags("Backups");

        // The archive is built in a temporary file (zip writing is synchronous), then streamed and deleted on close.
        api.MapGet("/{id:int}/backup", async Task<Results<FileStreamHttpResult, NotFound>> (int id, TeamBackupService backups,
            TeamAccess access, CancellationToken ct) =>
        {
            // An administrator backs up the teams they belong to; another team's id is as unknown as a missing one.
            if (!access.ReadableTeams.Contains(id))
            {
                return TypedResults.NotFound();
            }
            var path = Path.Combine(Path.GetTempPath(), $"xailab-backup-{Guid.NewGuid():N}.zip");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                if (!await backups.BackupAsync(id, file, ct))
                {
                    await file.DisposeAsync();
                    return TypedResults.NotFound();
                }
                file.Position = 0;
                return TypedResults.File(file, "application/zip", $"xailab-team-{id}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.zip");
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        }).WithName("BackupTeam");

        // Body: the zip of GET /api/teams/{id}/backup (Content-Type application/zip). Creates a new team.
        api.MapPost("/restore", async Task<Results<Created<RestoredTeam>, ProblemHttpResult>> (HttpContext http, TeamBackupService backups, CancellationToken ct) =>
        {
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = null;
            }
            await using var file = new FileStream(Path.Combine(Path.GetTempPath(), $"xailab-restore-{Guid.NewGuid():N}.zip"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await http.Request.Body.CopyToAsync(file, ct);
            file.Position = 0;
            try
            {
                var restored = await backups.RestoreAsync(file, ct);
                return TypedResults.Created($"/api/teams/{restored.TeamId}", restored);
            }
            catch (InvalidDataException e)
            {
                return ApiProblems.From(new RequestValidationException($"Not a zip archive: {e.Message}"));
            }
        }).DisableAntiforgery().WithName("RestoreTeam");
        return app;
    }
}
