using System.Text.Json;
using Microsoft.Extensions.Options;
using XaiLab.Data.Artifacts;

namespace XaiLab.Web.Services.Scans;

/// <summary>
/// Deletes explained scans once their retention has passed (<see cref="ScansOptions.Retention"/>): every scan folder
/// whose record has expired, and any folder without a readable record (an explanation that died half-way) older than the
/// retention. Runs on web nodes, every quarter of the retention but at least every 5 minutes.
/// </summary>
public sealed class ScanSweeper(ArtifactStore store, IOptions<ScansOptions> options, TimeProvider time, ILogger<ScanSweeper> logger) : BackgroundService
{
    /// <summary>Deletes what has expired now; returns how many scans went.</summary>
    public int Sweep()
    {
        var root = store.Resolve("scans");
        if (!Directory.Exists(root))
        {
            return 0;
        }
        var now = time.GetUtcNow();
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (ExpiresAt(folder) is { } expires ? expires <= now : Directory.GetLastWriteTimeUtc(folder) + options.Value.Retention <= now.UtcDateTime)
            {
                store.DeleteFolder($"scans/{Path.GetFileName(folder)}");
                deleted++;
            }
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Min(options.Value.Retention.Ticks / 4, TimeSpan.FromMinutes(5).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Sweep() is > 0 and var count)
                {
                    logger.LogInformation("Deleted {Count} explained scans past their retention", count);
                }
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Sweeping explained scans failed; trying again later");
            }
            await Task.Delay(every, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static DateTimeOffset? ExpiresAt(string folder)
    {
        try
        {
            var record = JsonSerializer.Deserialize<ScanRecord>(File.ReadAllBytes(Path.Combine(folder, "scan.json")), ScanExplanationService.Json);
            return record?.ExpiresAt;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
