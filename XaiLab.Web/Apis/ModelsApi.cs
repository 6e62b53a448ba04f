using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Models;

namespace XaiLab.Web.Apis;

/// <summary>
/// The paper's Table 3: <c>GET /api/models</c> and <c>/api/models.csv</c> (size, channels, classes). Errors (bad
/// configuration 400, too many new configurations 429 with Retry-After, no worker 503) go through ApiExceptionHandler.
/// </summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Models");

        api.MapGet("/models", async Task<Ok<IReadOnlyList<ModelResponse>>> (
            int? size, int? channels, int? classes, ModelDescriptions models, CancellationToken ct) =>
            TypedResults.Ok(await models.DescribeAllAsync(ModelQuery.From(size, channels, classes), ct)));

        api.MapGet("/models.csv", async Task<FileContentHttpResult> (
            int? size, int? channels, int? classes, ModelTableService tables, CancellationToken ct) =>
        {
            var query = ModelQuery.From(size, channels, classes);
            var csv = ModelTableCsv.Write(await tables.BuildAsync(query, ct));
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8",
                $"xailab-models-{query.Size}px-{query.Channels}ch-{query.Classes}cls.csv");
        });
        return app;
    }
}
