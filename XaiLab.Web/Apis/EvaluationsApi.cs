using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Evaluations;

namespace XaiLab.Web.Apis;

public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Evaluations");

        api.MapPost("/runs/{id:int}/evaluations", async Task<Accepted<CreatedResponse>> (
            int id, CreateEvaluationRequest request, EvaluationService evaluations, CancellationToken ct) =>
        {
            var created = await evaluations.RequestAsync(id, request, ct);
            return TypedResults.Accepted($"/api/evaluations/{created}", new CreatedResponse(created));
        });

        api.MapGet("/runs/{id:int}/evaluations", async Task<Results<Ok<IReadOnlyList<EvaluationResponse>>, NotFound>> (
            int id, EvaluationService evaluations, CancellationToken ct) =>
            await evaluations.ListForRunAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound());

        api.MapGet("/evaluations/{id:int}", async Task<Results<Ok<EvaluationResponse>, NotFound>> (
            int id, EvaluationService evaluations, CancellationToken ct) =>
            await evaluations.GetAsync(id, ct) is { } evaluation ? TypedResults.Ok(evaluation) : TypedResults.NotFound());
        return app;
    }
}
