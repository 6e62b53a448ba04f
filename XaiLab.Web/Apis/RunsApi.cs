using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis;

public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/runs").WithTags("Runs");

        api.MapGet("/", async (int? datasetId, RunService runs, CancellationToken ct) => TypedResults.Ok(await runs.ListAsync(datasetId, ct)));

        api.MapGet("/{id:int}", async Task<Results<Ok<RunResponse>, NotFound>> (int id, RunService runs, CancellationToken ct) =>
            await runs.GetAsync(id, ct) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound());

        api.MapGet("/{id:int}/epochs", async (int id, RunService runs, CancellationToken ct) => TypedResults.Ok(await runs.EpochsAsync(id, ct)));

        api.MapGet("/{id:int}/saliency", async (int id, RunService runs, CancellationToken ct) => TypedResults.Ok(await runs.SaliencyMapsAsync(id, ct)));

        api.MapPost("/", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (CreateRunRequest request, RunService runs, CancellationToken ct) =>
        {
            try
            {
                var id = await runs.CreateAsync(request, ct);
                return TypedResults.Accepted($"/api/runs/{id}", new CreatedResponse(id));
            }
            catch (RequestValidationException e)
            {
                return ApiProblems.From(e);
            }
        });

        api.MapPost("/{id:int}/cancel", async Task<Results<Accepted, Conflict<string>, ProblemHttpResult>> (int id, RunService runs, CancellationToken ct) =>
        {
            try
            {
                return await runs.CancelAsync(id, ct) ? TypedResults.Accepted($"/api/runs/{id}") : TypedResults.Conflict("The run has already finished.");
            }
            catch (RequestValidationException e)
            {
                return ApiProblems.From(e);
            }
        });
        return app;
    }
}
