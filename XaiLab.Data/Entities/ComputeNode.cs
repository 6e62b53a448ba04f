namespace XaiLab.Data.Entities;

/// <summary>
/// A worker node as it announced itself: what it computes with (libtorch, device, the hardware guard's oneDNN ISA), and
/// its heartbeat. Written by each worker at start and every few seconds; read by /api/health on web nodes.
/// </summary>
public class ComputeNode
{
    /// <summary>The node's name (Node:Name), e.g. "host:1234:worker-1".</summary>
    public string Name { get; set; } = "";

    public int ProcessId { get; set; }

    public string Machine { get; set; } = "";

    /// <summary>libtorch's version, e.g. "2.10.0".</summary>
    public string Torch { get; set; } = "";

    /// <summary>"cpu" or "cuda": what "auto" resolves to on this node.</summary>
    public string Device { get; set; } = "";

    /// <summary>The job queues it serves, comma-separated.</summary>
    public string Queues { get; set; } = "";

    /// <summary>The hardware guard's decision (Engine's CpuIsaDecision) as JSON.</summary>
    public string CpuJson { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }
}
