using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Compute;

/// <summary>
/// A web node's view of the worker nodes (<see cref="ComputeNode"/> rows with a fresh heartbeat), refreshed every
/// <see cref="Interval"/>: /api/health reports them, and a run asking for CUDA is refused unless a live worker has it.
/// On a web node it also records, every <see cref="SilentWorkers.CheckEvery"/>, the deaths of workers that stopped
/// beating while they held jobs (<see cref="SilentWorkers"/>), remote ones included.
/// </summary>
public sealed class ComputeNodesMonitor(ComputeNodeStore store, SilentWorkers silent, NodeOptions node, TimeProvider time,
    ILogger<ComputeNodesMonitor> logger) : BackgroundService
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
        using var timer = new PeriodicTimer(Interval, time);
        // The first look is the start's (DatabaseInitializer); this one follows a check period later.
        var nextSilentCheck = time.GetUtcNow() + SilentWorkers.CheckEvery;
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
                if (node.Role == NodeRole.Web && time.GetUtcNow() >= nextSilentCheck)
                {
                    nextSilentCheck = time.GetUtcNow() + SilentWorkers.CheckEvery;
                    await silent.RecordAsync(atStartup: false, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not read the worker nodes");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
