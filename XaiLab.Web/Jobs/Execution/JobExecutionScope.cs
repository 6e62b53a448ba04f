using System.Text.Json;
using XaiLab.Data.Executions;

namespace XaiLab.Web.Jobs.Execution;

/// <summary>
/// One execution of a job's subject (see <see cref="JobExecutions"/>). <see cref="Report"/> never blocks the job: the
/// latest report is written at most every <see cref="FlushInterval"/> by a background loop, which also looks for a
/// cancel asked for through the database. Dispose it (await using) when the job stops, whatever the reason.
/// </summary>
public sealed class JobExecutionScope : IAsyncDisposable
{
    /// <summary>Least time between two stored reports: 250 ms (pages show about four updates a second).</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JobExecutionStore store;
    private readonly FaultInjection faults;
    private readonly ILogger logger;
    private readonly string node;
    private readonly CancellationTokenSource userCancel = new();
    private readonly CancellationTokenSource linked;
    private readonly CancellationTokenSource loopStop = new();
    private readonly Action<JobExecutionScope> onEnd;
    private readonly Task loop;
    private readonly Lock gate = new();
    private (string? Stage, string? Json)? pending;
    private string? lastStage;
    private int ended;

    internal JobExecutionScope(string kind, int entityId, int crashes, string node, JobExecutionStore store, FaultInjection faults,
        TimeProvider time, ILogger logger, CancellationToken jobCancellation, Action<JobExecutionScope> onEnd)
    {
        Kind = kind;
        EntityId = entityId;
        CrashesSoFar = crashes;
        this.node = node;
        this.store = store;
        this.faults = faults;
        this.logger = logger;
        this.onEnd = onEnd;
        JobCancellation = jobCancellation;
        linked = CancellationTokenSource.CreateLinkedTokenSource(jobCancellation, userCancel.Token);
        loop = Task.Run(() => FlushLoopAsync(time));
    }

    public string Kind { get; }

    public int EntityId { get; }

    /// <summary>How many workers died executing this subject before this execution.</summary>
    public int CrashesSoFar { get; }

    /// <summary>The job's own token (host shutdown, job deleted).</summary>
    public CancellationToken JobCancellation { get; }

    /// <summary>Cancelled by a shutdown or by a user's cancel.</summary>
    public CancellationToken Token => linked.Token;

    /// <summary>A user asked to cancel (as opposed to a shutdown interrupting the job).</summary>
    public bool CancelledByUser => userCancel.IsCancellationRequested;

    /// <summary>The last stage reported.</summary>
    public string? Stage => lastStage;

    /// <summary>
    /// Records what the job does now (<paramref name="stage"/>, e.g. "training epoch 1, batch 3") and, optionally, the
    /// progress snapshot pages show (serialised as JSON). Cheap: call it as often as the job likes.
    /// </summary>
    public void Report(string? stage, object? snapshot = null)
    {
        var json = snapshot is null ? null : JsonSerializer.Serialize(snapshot, snapshot.GetType(), Json);
        lock (gate)
        {
            pending = (stage ?? pending?.Stage, json ?? pending?.Json);
        }
        if (stage is not null)
        {
            lastStage = stage;
            if (faults.ShouldDie(Kind, EntityId, stage, CrashesSoFar) is { } signal)
            {
                // The stage must be stored for the death's reason before the process goes.
                FlushAsync().GetAwaiter().GetResult();
                FaultInjection.Die(signal);
            }
        }
    }

    /// <summary>Writes the latest report now (before a final status, so pages see it before the execution ends).</summary>
    public async Task FlushAsync()
    {
        (string? Stage, string? Json)? report;
        lock (gate)
        {
            report = pending;
            pending = null;
        }
        if (report is { } r)
        {
            if (await store.ReportAsync(Kind, EntityId, r.Stage, r.Json, CancellationToken.None))
            {
                CancelByUser();
            }
        }
    }

    internal void CancelByUser()
    {
        try
        {
            userCancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }

    private async Task FlushLoopAsync(TimeProvider time)
    {
        var sinceCancelCheck = TimeSpan.Zero;
        while (!loopStop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FlushInterval, time, loopStop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            sinceCancelCheck += FlushInterval;
            try
            {
                bool due;
                lock (gate) due = pending is not null;
                if (due)
                {
                    await FlushAsync();
                    sinceCancelCheck = TimeSpan.Zero;
                }
                else if (sinceCancelCheck >= TimeSpan.FromSeconds(1))
                {
                    sinceCancelCheck = TimeSpan.Zero;
                    if (await store.ReportAsync(Kind, EntityId, null, null, loopStop.Token)) CancelByUser();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup loses one report, not the job.
                logger.LogWarning(e, "Could not store the progress of {Kind} {Id}", Kind, EntityId);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref ended, 1) == 1) return;
        loopStop.Cancel();
        try
        {
            await loop;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Progress loop of {Kind} {Id} ended with an error", Kind, EntityId);
        }
        try
        {
            await FlushAsync();
            await store.EndAsync(Kind, EntityId, node, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not end the execution of {Kind} {Id}", Kind, EntityId);
        }
        onEnd(this);
        linked.Dispose();
        userCancel.Dispose();
        loopStop.Dispose();
    }
}
