using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Datasets.Archives;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Services.Backups;

/// <summary>
/// A team's whole project (datasets, slices, runs with their epochs, predictions and maps, embeddings, attribution
/// requests and stored attributions) plus every artifact file those rows point to, as one zip: manifest.json,
/// rows.json and artifacts/&lt;relative path&gt;. Restoring creates a new team in any database (SQLite or PostgreSQL,
/// fresh or not): every row gets a new id and its references are remapped; artifacts land under restored/&lt;id&gt;/.
/// </summary>
public sealed class TeamBackupService(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DatasetImportOptions> imports)
{
    /// <summary>The upload limits: a restore is an upload like any other.</summary>
    private ImportLimits Limits => ImportLimits.Default with { MaxArchiveBytes = imports.Value.MaxUploadBytes };

    public const int FormatVersion = 1;
    private const string ManifestEntry = "manifest.json";
    private const string RowsEntry = "rows.json";
    private const string ArtifactsFolder = "artifacts/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Scores are NaN where undefined; navigation properties are not loaded and stay out.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    /// <summary>Writes the archive of team <paramref name="teamId"/>; false when there is no such team.</summary>
    public async Task<bool> BackupAsync(int teamId, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync(teamId, cancellationToken);
        if (rows is null)
        {
            return false;
        }
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var paths = rows.ArtifactPaths().Where(store.Exists).ToList();
        await WriteJsonAsync(zip, ManifestEntry, new BackupManifest(FormatVersion, rows.Team.Name, time.GetUtcNow(),
            rows.Datasets.Count, rows.Runs.Count, paths.Count), cancellationToken);
        await WriteJsonAsync(zip, RowsEntry, rows, cancellationToken);
        foreach (var path in paths)
        {
            var entry = zip.CreateEntry(ArtifactsFolder + path, CompressionLevel.Fastest);
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = store.OpenRead(path);
            await source.CopyToAsync(target, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Restores an archive of <see cref="BackupAsync"/> as a new team, trusting nothing in it: the archive goes through
    /// the same <see cref="SafeArchiveExtractor"/> and limits as dataset uploads (entry names inside the root, entry count,
    /// declared and inflated sizes, expansion ratio); every artifact path a row names must be a plain relative path; only
    /// the files the rows name are written, each under the restore's own folder; every row belongs to the new team.
    /// </summary>
    /// <exception cref="RequestValidationException">A malformed, oversized or path-escaping archive (nothing is written).</exception>
    public async Task<RestoredTeam> RestoreAsync(Stream archive, CancellationToken cancellationToken = default)
    {
        SafeArchive safe;
        try
        {
            safe = new SafeArchiveExtractor(Limits).Open(archive, "the backup", leaveOpen: true);
        }
        catch (DatasetImportException e)
        {
            throw new RequestValidationException(e.Message);
        }
        using var guarded = safe;
        try
        {
            return await RestoreAsync(safe, cancellationToken);
        }
        catch (DatasetImportException e)
        {
            throw new RequestValidationException(e.Message);
        }
        catch (JsonException e)
        {
            throw new RequestValidationException($"Not a XaiLab team backup: {e.Message}");
        }
        catch (KeyNotFoundException)
        {
            throw new RequestValidationException("Not a XaiLab team backup: a row refers to a row the backup does not contain.");
        }
    }

    private async Task<RestoredTeam> RestoreAsync(SafeArchive zip, CancellationToken cancellationToken)
    {
        var manifest = await ReadJsonAsync<BackupManifest>(zip, ManifestEntry, cancellationToken);
        if (manifest.Format != FormatVersion)
        {
            throw new RequestValidationException($"Backup format {manifest.Format} is not supported (expected {FormatVersion}).");
        }
        var rows = await ReadJsonAsync<TeamBackupRows>(zip, RowsEntry, cancellationToken);
        var named = rows.ArtifactPaths().ToHashSet(StringComparer.Ordinal);
        if (named.FirstOrDefault(p => !IsPlainRelativePath(p)) is { } escaping)
        {
            throw new RequestValidationException($"The backup names the artifact path '{escaping}', which is not a plain relative path.");
        }
        var restoreId = Guid.NewGuid().ToString("N")[..12];
        var prefix = $"restored/{restoreId}/";

        // Files first, under a folder of their own: if the rows fail, the folder is removed and nothing points there.
        var artifacts = 0;
        try
        {
            // Only files a restored row points to; anything else in the archive is ignored.
            foreach (var entry in zip.Entries.Where(e => e.Path.StartsWith(ArtifactsFolder, StringComparison.Ordinal)
                         && named.Contains(e.Path[ArtifactsFolder.Length..])))
            {
                await using var source = entry.OpenRead();
                await store.WriteAsync(prefix + entry.Path[ArtifactsFolder.Length..], source, cancellationToken);
                artifacts++;
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var team = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var restored = await InsertAsync(db, rows, prefix, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return restored;
            });
            return new RestoredTeam(team.Id, team.Name, rows.Datasets.Count, rows.Slices.Count, rows.Runs.Count, artifacts);
        }
        catch
        {
            store.DeleteFolder($"restored/{restoreId}");
            throw;
        }
    }

    private async Task<TeamBackupRows?> ReadAsync(int teamId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return null;
        }
        var runs = await db.Runs.AsNoTracking().Where(r => r.TeamId == teamId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var runDatasetIds = runs.Select(r => r.DatasetId).Distinct().ToList();
        var datasets = await db.Datasets.AsNoTracking()
            .Where(d => d.TeamId == teamId || runDatasetIds.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var datasetIds = datasets.Select(d => d.Id).ToList();
        var runIds = runs.Select(r => r.Id).ToList();
        var requests = (await db.AttributionRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken))
            .Where(r => r.RunIds.Count > 0 && r.RunIds.All(runIds.Contains)).ToList();
        return new TeamBackupRows
        {
            Team = team,
            Datasets = datasets,
            Slices = await db.Slices.AsNoTracking().Where(s => datasetIds.Contains(s.DatasetId)).OrderBy(s => s.Id).ToListAsync(cancellationToken),
            Runs = runs,
            EpochMetrics = await db.EpochMetrics.AsNoTracking().Where(m => runIds.Contains(m.RunId)).OrderBy(m => m.Id).ToListAsync(cancellationToken),
            Predictions = await db.Predictions.AsNoTracking().Where(p => runIds.Contains(p.RunId)).OrderBy(p => p.Id).ToListAsync(cancellationToken),
            Embeddings = await db.Embeddings.AsNoTracking().Where(e => datasetIds.Contains(e.DatasetId)).OrderBy(e => e.Id).ToListAsync(cancellationToken),
            AttributionRequests = requests,
            StoredAttributions = await db.StoredAttributions.AsNoTracking().Where(a => runIds.Contains(a.RunId)).OrderBy(a => a.Id).ToListAsync(cancellationToken),
        };
    }

    private async Task<Team> InsertAsync(XaiLabDbContext db, TeamBackupRows rows, string prefix, CancellationToken cancellationToken)
    {
        string? Moved(string? path) => path is null ? null : prefix + path;

        var name = rows.Team.Name;
        if (await db.Teams.AnyAsync(t => t.Name == name, cancellationToken))
        {
            name = $"{rows.Team.Name} (restored {time.GetUtcNow():yyyy-MM-dd HH:mm:ss})";
        }
        var team = new Team { Name = name, CreatedAt = rows.Team.CreatedAt };
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);

        var datasets = await InsertAllAsync(db, rows.Datasets, d => d.Id, d =>
        {
            d.Id = 0;
            d.TeamId = team.Id;
            d.UploadPath = null;
            d.ImportJobId = null;
            d.Slices = [];
            if (d.Status == DatasetStatus.Importing)
            {
                d.Status = DatasetStatus.Failed;
                d.Error = "Restored from a backup taken while importing.";
            }
        }, cancellationToken);
        var slices = await InsertAllAsync(db, rows.Slices, s => s.Id, s =>
        {
            s.Id = 0;
            s.DatasetId = datasets[s.DatasetId];
            s.ImagePath = Moved(s.ImagePath)!;
            s.MaskPath = Moved(s.MaskPath);
        }, cancellationToken);
        var runs = await InsertAllAsync(db, rows.Runs, r => r.Id, r =>
        {
            r.Id = 0;
            r.TeamId = team.Id;
            r.DatasetId = datasets[r.DatasetId];
            r.CheckpointPath = Moved(r.CheckpointPath);
            r.HangfireJobId = null;
            r.LeaseOwner = null;
            r.LeaseExpiresAt = null;
            r.EpochMetrics = [];
            if (r.Status is RunStatus.Queued or RunStatus.Running)
            {
                // Retry resumes it after its last stored epoch.
                r.Status = RunStatus.Failed;
                r.Error = "Restored from a backup taken while the run was unfinished; retry to resume it.";
            }
        }, cancellationToken);
        await InsertAllAsync(db, rows.EpochMetrics, m => m.Id, m =>
        {
            m.Id = 0;
            m.RunId = runs[m.RunId];
        }, cancellationToken);
        await InsertAllAsync(db, rows.Predictions, p => p.Id, p =>
        {
            p.Id = 0;
            p.RunId = runs[p.RunId];
            p.SliceId = slices[p.SliceId];
        }, cancellationToken);

        var embeddingKeys = rows.Embeddings.Select(e => e.CacheKey).ToList();
        var takenEmbeddingKeys = (await db.Embeddings.Where(e => embeddingKeys.Contains(e.CacheKey)).Select(e => e.CacheKey).ToListAsync(cancellationToken)).ToHashSet();
        await InsertAllAsync(db, rows.Embeddings, e => e.Id, e =>
        {
            e.Id = 0;
            e.DatasetId = datasets[e.DatasetId];
            e.RunId = e.RunId is { } runId ? runs[runId] : null;
            e.PointsPath = Moved(e.PointsPath);
            e.CacheKey = takenEmbeddingKeys.Contains(e.CacheKey) ? RestoredKey(e.CacheKey, prefix) : e.CacheKey;
            if (e.Status is EmbeddingStatus.Queued or EmbeddingStatus.Running)
            {
                e.Status = EmbeddingStatus.Failed;
                e.Error = "Restored from a backup taken while it was computed.";
            }
        }, cancellationToken);

        var mapKeys = rows.StoredAttributions.Select(a => a.CacheKey).ToList();
        var takenMapKeys = (await db.StoredAttributions.Where(a => mapKeys.Contains(a.CacheKey)).Select(a => a.CacheKey).ToListAsync(cancellationToken)).ToHashSet();
        var maps = await InsertAllAsync(db, rows.StoredAttributions, a => a.Id, a =>
        {
            a.Id = 0;
            a.RunId = runs[a.RunId];
            a.SliceId = slices[a.SliceId];
            a.OverlayPath = Moved(a.OverlayPath)!;
            a.ValuesPath = Moved(a.ValuesPath)!;
            a.CacheKey = takenMapKeys.Contains(a.CacheKey) ? RestoredKey(a.CacheKey, prefix) : a.CacheKey;
        }, cancellationToken);
        await InsertAllAsync(db, rows.AttributionRequests, r => r.Id, r =>
        {
            r.Id = 0;
            r.TeamId = team.Id;
            r.RunIds = [.. r.RunIds.Select(id => runs[id])];
            r.TrainingRunId = r.TrainingRunId is { } trainingRun ? runs[trainingRun] : null;
            r.SliceIds = [.. r.SliceIds.Where(slices.ContainsKey).Select(id => slices[id])];
            r.MapIds = [.. r.MapIds.Where(maps.ContainsKey).Select(id => maps[id])];
            if (r.Status is AttributionRequestStatus.Queued or AttributionRequestStatus.Running)
            {
                r.Status = AttributionRequestStatus.Failed;
                r.Error = "Restored from a backup taken while it was computed.";
            }
        }, cancellationToken);
        return team;
    }

    /// <summary>Inserts rows with new ids; returns old id → new id.</summary>
    private static async Task<Dictionary<int, int>> InsertAllAsync<T>(XaiLabDbContext db, List<T> rows, Func<T, int> id, Action<T> remap,
        CancellationToken cancellationToken) where T : class
    {
        var oldIds = rows.Select(id).ToList();
        foreach (var row in rows)
        {
            remap(row);
        }
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return oldIds.Zip(rows.Select(id)).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>A relative path of plain segments: not rooted, no "..", ".", empty segments or backslashes.</summary>
    internal static bool IsPlainRelativePath(string path) =>
        path.Length is > 0 and < 1024 && !Path.IsPathRooted(path) && !path.Contains('\\') && !path.Contains('\0')
        && path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != ".."
            && !segment.Any(char.IsControl));

    /// <summary>A cache key taken already in this database: the restored row gets its own, so both stay unique.</summary>
    private static string RestoredKey(string key, string prefix) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prefix + key)));

    private static async Task WriteJsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }

    private static async Task<T> ReadJsonAsync<T>(SafeArchive zip, string name, CancellationToken cancellationToken)
    {
        var entry = zip.Entries.FirstOrDefault(e => e.Path == name) ?? throw new RequestValidationException($"Not a XaiLab team backup: {name} is missing.");
        await using var stream = entry.OpenRead();
        return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken)
            ?? throw new RequestValidationException($"Not a XaiLab team backup: {name} is empty.");
    }
}
