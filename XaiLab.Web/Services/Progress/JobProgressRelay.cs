using System.Text.Json;
using XaiLab.Data.Executions;

namespace XaiLab.Web.Services.Progress;

/// <summary>
/// Carries job progress from wherever the job runs (a local worker process, a worker on another machine, or this process
/// in the in-process mode) to the pages open on this web node: every <see cref="Interval"/> it reads the execution rows
/// that changed (<see cref="JobExecutionStore.ChangedSinceAsync"/>) and hands each new snapshot to its kind's notifier.
/// One database read a quarter second, whatever the number of pages; no browser polls.
/// </summary>
public sealed class JobProgressRelay(
    JobExecutionStore store,
    RunProgressNotifier runs,
    DatasetProgressNotifier datasets,
    JobProgressNotifier jobs,
    TimeProvider time,
    ILogger<JobProgressRelay> logger) : BackgroundService
{
    /// <summary>How often the relay looks: 250 ms, as often as jobs store their progress.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Rows are read again this far back, so a writer whose clock or commit lags a little is not missed.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<(string, int), DateTimeOffset> delivered = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = time.GetUtcNow() - Overlap;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                since = await RelayAsync(since, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Progress relay could not read the executions; trying again");
            }
        }
    }

    /// <summary>One look; returns the watermark for the next.</summary>
    internal async Task<DateTimeOffset> RelayAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var changed = await store.ChangedSinceAsync(since - Overlap, cancellationToken);
        foreach (var row in changed)
        {
            var key = (row.Kind, row.EntityId);
            if (delivered.TryGetValue(key, out var last) && last >= row.UpdatedAt)
            {
                continue;
            }
            delivered[key] = row.UpdatedAt;
            Dispatch(row.Kind, row.EntityId, row.Stage, row.Active, row.ProgressJson);
        }
        var watermark = changed.Count > 0 ? changed[^1].UpdatedAt : since;
        if (delivered.Count > 10_000)
        {
            foreach (var old in delivered.Where(d => d.Value < watermark - 2 * Overlap).Select(d => d.Key).ToList()) delivered.Remove(old);
        }
        return watermark > since ? watermark : since;
    }

    private void Dispatch(string kind, int id, string? stage, bool active, string? json)
    {
        jobs.Publish(new JobProgressEvent(kind, id, stage, active));
        if (json is null) return;
        try
        {
            switch (kind)
            {
                case JobKinds.Run when JsonSerializer.Deserialize<RunProgress>(json, Json) is { } run:
                    runs.Publish(run);
                    break;
                case JobKinds.DatasetImport when JsonSerializer.Deserialize<DatasetProgress>(json, Json) is { } dataset:
                    datasets.Publish(dataset);
                    break;
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Unreadable progress of {Kind} {Id}", kind, id);
        }
    }
}
