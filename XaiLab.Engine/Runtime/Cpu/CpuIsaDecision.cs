using System.Text.Json.Serialization;

namespace XaiLab.Engine.Runtime.Cpu;

/// <summary>
/// Which oneDNN instruction set this process computes with, and why: the hardware guard's verdict
/// (<see cref="OneDnnIsaGuard"/>), shown in /api/health and stored in each run's environment record.
/// </summary>
/// <param name="OneDnnMaxCpuIsa">The <c>ONEDNN_MAX_CPU_ISA</c> in force, e.g. "AVX"; null for oneDNN's own choice (the best the CPU has).</param>
/// <param name="Source">"probe" (measured here), "cache" (an earlier probe on the same CPU and libtorch), "configuration"
/// (XaiLab:Compute:OneDnnMaxCpuIsa), "environment" (ONEDNN_MAX_CPU_ISA set before start) or "not-probed".</param>
/// <param name="Reason">One sentence a person understands.</param>
/// <param name="CpuModel">The CPU's model name.</param>
/// <param name="CpuFlags">The SIMD level and the bf16 support, e.g. "avx512, bf16".</param>
public sealed record CpuIsaDecision(string? OneDnnMaxCpuIsa, string Source, string Reason, string CpuModel, string CpuFlags)
{
    /// <summary>The ISA as shown to people: the variable's value, or "default" for oneDNN's own choice.</summary>
    [JsonIgnore]
    public string IsaInUse => OneDnnMaxCpuIsa ?? "default";
}
