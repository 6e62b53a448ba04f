using Microsoft.AspNetCore.Http.HttpResults;
using System.Reflection;
using System.Text.Json;
using XaiLab.Engine.Runtime.Cpu;
using XaiLab.Web.Compute;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Health;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Apis;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Ok<HealthResponse> (DatabaseHealthMonitor database, NodeOptions node, ComputeNodesMonitor workers,
                ComputeEnvironment compute) =>
            {
                var health = database.Current;
                var live = workers.Live;
                // What computes here: this process's own guard decision, else the newest live worker's.
                var newest = live.FirstOrDefault();
                var cpu = compute.Cpu ?? (newest is null ? null : JsonSerializer.Deserialize<CpuIsaDecision>(newest.CpuJson));
                return TypedResults.Ok(new HealthResponse(
                    health.Available ? "ok" : "degraded",
                    newest?.Torch ?? LibTorchPackageVersion,
                    live.Any(n => n.Device == "cuda") ? "cuda" : "cpu",
                    health.Available ? "ok" : "unavailable",
                    health.UnavailableSince,
                    node.Role.ToString().ToLowerInvariant(),
                    node.Name,
                    cpu is null ? null : new HealthCpuResponse(cpu.IsaInUse, cpu.Source, cpu.Reason, cpu.CpuModel, cpu.CpuFlags),
                    [.. live.Select(n => new HealthWorkerResponse(n.Name, n.ProcessId, n.Machine, n.Device, n.Queues, n.HeartbeatAt))]));
            })
            .WithName("Health");
        return app;
    }

    /// <summary>The libtorch package the build ships (AssemblyMetadata "LibTorchVersion"), shown before any worker announced itself.</summary>
    private static string LibTorchPackageVersion { get; } = typeof(HealthApi).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "LibTorchVersion")?.Value ?? "unknown";
}
