using XaiLab.Data.Entities;
using XaiLab.Data.Executions;

namespace XaiLab.Web.Compute;

/// <summary>
/// A web node's view of the worker nodes (<see cref="ComputeNode"/> rows with a fresh heartbeat), refreshed every
/// <see cref="Interval"/>: /api/health reports them, and a run asking for CUDA is refused unless a live worker has it.
/// </summary>
public sealed class ComputeNodesMonitor(ComputeNodeStore store, ILogger<ComputeNodesMonitor> logger) : BackgroundService
{
    /// <summary>How often the list is read: 2 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>A node whose heartbeat is older than this is not counted: 30 s (workers beat every 5 s).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private volatile IReadOnlyList<ComputeNode> live = [];

    /// <summary>The live worker nodes at the last look, newest first.</summary>
    public IReadOnlyList<ComputeNode> Live => live;

    /// <summary>Whether some live worker computes on CUDA.</summary>
    public bool CudaAvailable => live.Any(n => n.Device == "cuda");

    /// <summary>Reads the list now (also done every <see cref="Interval"/>).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default) => live = await store.LiveAsync(Freshness, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not read the worker nodes");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
