namespace XaiLab.Web.Apis.Contracts;

/// <summary>The hardware guard's decision in /api/health: oneDNN's ISA in use ("default" or e.g. "AVX"), why, and the CPU.</summary>
public sealed record HealthCpuResponse(string Isa, string Source, string Reason, string Model, string Flags);
