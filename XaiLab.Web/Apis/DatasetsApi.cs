using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Apis;

public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/datasets").WithTags("Datasets");

        api.MapGet("/", async (DatasetService datasets, CancellationToken ct) => TypedResults.Ok(await datasets.ListAsync(ct)));

        api.MapGet("/{id:int}", async Task<Results<Ok<DatasetResponse>, NotFound>> (int id, DatasetService datasets, CancellationToken ct) =>
            await datasets.GetAsync(id, ct) is { } dataset ? TypedResults.Ok(dataset) : TypedResults.NotFound());

        api.MapPost("/demo", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (
            CreateDemoDatasetRequest? request, DatasetService datasets, CancellationToken ct) =>
        {
            try
            {
                var id = await datasets.CreateDemoAsync(request ?? new CreateDemoDatasetRequest(null, null, null, null), ct);
                return TypedResults.Accepted($"/api/datasets/{id}", new CreatedResponse(id));
            }
            catch (RequestValidationException e)
            {
                return ApiProblems.From(e);
            }
        });
        return app;
    }
}
