using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Health;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Apis;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Ok<HealthResponse> (DatabaseHealthMonitor database, NodeOptions node) =>
            {
                var health = database.Current;
                return TypedResults.Ok(new HealthResponse(
                    health.Available ? "ok" : "degraded",
                    TorchRuntime.LibTorchVersion,
                    TorchRuntime.DefaultDeviceName,
                    health.Available ? "ok" : "unavailable",
                    health.UnavailableSince,
                    node.Role.ToString().ToLowerInvariant(),
                    node.Name));
            })
            .WithName("Health");
        return app;
    }
}
