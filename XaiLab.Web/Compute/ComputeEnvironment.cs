using XaiLab.Engine.Runtime.Cpu;

namespace XaiLab.Web.Compute;

/// <summary>
/// What this process is in the process model: whether it computes (a worker, or a web process in the in-process mode),
/// and, if so, the hardware guard's decision it computes with. A web process that leaves compute to workers never loads
/// libtorch: nothing here touches it.
/// </summary>
/// <param name="Computes">This process runs torch jobs.</param>
/// <param name="Cpu">The oneDNN decision applied here; null in a process that does not compute.</param>
public sealed record ComputeEnvironment(bool Computes, CpuIsaDecision? Cpu);
