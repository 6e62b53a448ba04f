using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Models;

namespace XaiLab.Web.Apis;

public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Models");

        api.MapGet("/models", async Task<Results<Ok<IReadOnlyList<ModelResponse>>, ProblemHttpResult>> (
            int? size, int? channels, int? classes, ModelDescriptions cache, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok(await cache.DescribeAllAsync(ModelQuery.From(size, channels, classes), ct));
            }
            catch (RequestValidationException e)
            {
                return ApiProblems.From(e);
            }
        });

        api.MapGet("/models.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            int? size, int? channels, int? classes, ModelTableService tables, CancellationToken ct) =>
        {
            try
            {
                var query = ModelQuery.From(size, channels, classes);
                var csv = ModelTableCsv.Write(await tables.BuildAsync(query, ct));
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8",
                    $"xailab-models-{query.Size}px-{query.Channels}ch-{query.Classes}cls.csv");
            }
            catch (RequestValidationException e)
            {
                return ApiProblems.From(e);
            }
        });
        return app;
    }
}
