using XaiLab.Data.Leases;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// Renews a run's lease every third of its duration while the run executes. When renewal fails (the lease expired and
/// another executor took it), it cancels <see cref="LeaseLost"/> so this executor stops instead of doubling the work.
/// While the database is unreachable it keeps trying: nobody else can take the lease then either, and the epoch commit
/// is fenced by the lease (RunTrainingObserver), so an executor that lost it meanwhile cannot store anything.
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task loop;

    public LeaseHeartbeat(RunLeaseStore leases, int runId, string owner, TimeSpan duration, ILogger logger)
    {
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(duration / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    bool renewed;
                    try
                    {
                        renewed = await leases.RenewAsync(runId, owner, duration, stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Could not renew the lease of run {RunId} (database unreachable?); trying again", runId);
                        continue;
                    }
                    if (!renewed)
                    {
                        logger.LogWarning("Lost the lease of run {RunId}; stopping this executor", runId);
                        await lost.CancelAsync();
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        });
    }

    /// <summary>Cancelled when this executor no longer holds the run.</summary>
    public CancellationToken LeaseLost => lost.Token;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        lost.Dispose();
    }
}
