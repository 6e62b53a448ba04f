using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Scans;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Artifacts;
using XaiLab.Web.Jobs.Scans;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Scans;

/// <summary>
/// Explains one uploaded scan with a trained run: the file is decoded in memory as an import would decode it
/// (<see cref="ScanReader"/>; bad files get the imports' refusals, and nothing is kept), the decoded image goes to a
/// scan folder of its own, and a worker (<see cref="ScanJob"/>) predicts and explains it through exactly the run's
/// preprocessing. The folder (image, maps, answer) is deleted after <see cref="ScansOptions.Retention"/>
/// (<see cref="ScanSweeper"/>), or at once when the explanation fails. Researchers and Admins, within their teams.
/// </summary>
public sealed class ScanExplanationService(
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    ComputedArtifacts artifacts,
    TeamAccess access,
    IOptions<ScansOptions> options,
    TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Predicts and explains <paramref name="data"/> (uploaded as <paramref name="fileName"/>) with run <paramref name="runId"/>.</summary>
    /// <exception cref="RequestValidationException">404 for a run the caller cannot see, 409 for one without trained
    /// weights, 400 for an unknown method or a file the readers refuse.</exception>
    public async Task<ScanExplanationResponse> ExplainAsync(int runId, byte[] data, string? fileName, ScanOptions scanOptions,
        IReadOnlyList<string>? methods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Run {runId} does not exist.");
        if (run.Status != RunStatus.Succeeded || run.CheckpointPath is null)
        {
            throw RequestValidationException.InConflict($"Run {runId} is {WireNames.Of(run.Status)}: only a succeeded run explains scans.");
        }
        var classes = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames).FirstAsync(cancellationToken);
        var chosen = Methods(methods);
        if (data.LongLength > options.Value.MaxUploadBytes)
        {
            throw new RequestValidationException($"The scan is larger than the limit of {options.Value.MaxUploadBytes:N0} bytes (Scans:MaxUploadBytes).");
        }
        // The name as uploaded, extension kept (a .nii.gz is gunzipped by its name), without any folder.
        var name = Path.GetFileName(fileName?.Replace('\\', '/')) is { Length: > 0 and <= 255 } file ? file : "scan";
        Scan scan;
        try
        {
            scan = ScanReader.Read(data, name, scanOptions);
        }
        catch (DatasetImportException e)
        {
            throw new RequestValidationException(e.Message);
        }

        var now = time.GetUtcNow();
        var record = new ScanRecord(Guid.NewGuid().ToString("N"), run.Id, run.TeamId, name, scan.Format, chosen, scan.Metadata,
            now, now + options.Value.Retention);
        try
        {
            await store.WriteAsync(record.ImagePath, Png16Codec.Encode(scan.Image), cancellationToken);
            await store.WriteAsync(record.RecordPath, JsonSerializer.SerializeToUtf8Bytes(record, Json), cancellationToken);
            var answer = await artifacts.GetAsync<ScanJob>(record.ResultPath, job => job.ExplainAsync(record.Token, CancellationToken.None), cancellationToken);
            var result = JsonSerializer.Deserialize<ScanResult>(answer, Json)!;
            return ToResponse(record, result, classes);
        }
        catch
        {
            store.DeleteFolder(record.Folder);
            throw;
        }
    }

    /// <summary>The scan's record when it is the caller's and has not expired; else null (the routes' 404).</summary>
    public async Task<ScanRecord?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length != 32 || !token.All(Uri.IsHexDigit))
        {
            return null;
        }
        var path = $"{ScanRecord.FolderOf(token)}/scan.json";
        if (!store.Exists(path))
        {
            return null;
        }
        var record = JsonSerializer.Deserialize<ScanRecord>(await store.ReadAsync(path, cancellationToken), Json);
        return record is not null && access.ReadableTeams.Contains(record.TeamId) && record.ExpiresAt > time.GetUtcNow() ? record : null;
    }

    private IReadOnlyList<string> Methods(IReadOnlyList<string>? requested)
    {
        var names = (requested is { Count: > 0 } ? requested : options.Value.DefaultMethods)
            .SelectMany(m => m.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(m => m.ToLowerInvariant()).Distinct().ToList();
        if (names.FirstOrDefault(m => !AttributionMethods.IsKnown(m)) is { } unknown)
        {
            throw new RequestValidationException(
                $"Unknown attribution method '{unknown}'. Valid: {string.Join(", ", AttributionMethods.All.Values)}, or smooth-<method>.");
        }
        return names.Count <= 8 ? names : throw new RequestValidationException("Ask for at most 8 methods per scan.");
    }

    private static ScanExplanationResponse ToResponse(ScanRecord record, ScanResult result, IReadOnlyList<string> classes)
    {
        var baseUrl = $"/api/scans/{record.Token}";
        var maps = result.Maps.Select(m => new ScanMapResponse(m.Method, m.Target, m.Channels, m.Height, m.Width,
            $"{baseUrl}/maps/{m.Method}.png", $"{baseUrl}/maps/{m.Method}.f32")).ToList();
        var metadata = record.Metadata is { } s
            ? new SliceMetadataResponse(s.Axis, s.Position, s.Count, s.ValueScale, s.ValueOffset, s.WindowCenter, s.WindowWidth, s.Series)
            : null;
        return new ScanExplanationResponse(result.Probabilities, result.Predicted,
            result.Predicted < classes.Count ? classes[result.Predicted] : result.Predicted.ToString(System.Globalization.CultureInfo.InvariantCulture),
            classes, maps, record.Token, $"{baseUrl}/image.png", $"{baseUrl}/preview.png", WireNames.Of(record.Format), metadata, record.ExpiresAt);
    }
}
