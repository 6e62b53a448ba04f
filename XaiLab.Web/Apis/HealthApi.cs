using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Apis;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Ok<HealthResponse> () =>
            TypedResults.Ok(new HealthResponse("ok", TorchRuntime.LibTorchVersion, TorchRuntime.DefaultDeviceName)))
            .WithName("Health");
        return app;
    }
}
