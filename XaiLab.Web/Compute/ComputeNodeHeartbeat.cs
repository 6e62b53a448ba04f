using System.Text.Json;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Jobs;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Compute;

/// <summary>
/// In a process that computes: announces the node (libtorch, device, queues, the hardware guard's decision) and beats
/// every <see cref="Interval"/>; removes the row on a clean stop. A node that stops beating is dead to the web nodes.
/// </summary>
public sealed class ComputeNodeHeartbeat(
    ComputeNodeStore store,
    ComputeEnvironment compute,
    NodeOptions node,
    JobQueueSet queues,
    ILogger<ComputeNodeHeartbeat> logger) : BackgroundService
{
    /// <summary>5 s.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.AnnounceAsync(new ComputeNode
        {
            Name = node.Name,
            ProcessId = Environment.ProcessId,
            Machine = Environment.MachineName,
            Torch = TorchRuntime.LibTorchVersion,
            Device = TorchRuntime.DefaultDeviceName,
            Queues = string.Join(',', queues.Queues),
            CpuJson = JsonSerializer.Serialize(compute.Cpu),
        }, stoppingToken);
        logger.LogInformation("Worker {Node} computes on {Device} with oneDNN ISA {Isa} ({Reason})", node.Name, TorchRuntime.DefaultDeviceName,
            compute.Cpu?.IsaInUse, compute.Cpu?.Reason);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.BeatAsync(node.Name, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat of {Node} failed", node.Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        try
        {
            await store.RemoveAsync(node.Name, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Could not remove node {Node}", node.Name);
        }
    }
}
