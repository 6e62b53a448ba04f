using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Embeddings;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis;

public static class EmbeddingsApi
{
    public static IEndpointRouteBuilder MapEmbeddingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Embeddings");

        api.MapPost("/runs/{id:int}/embeddings", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (
            int id, CreateEmbeddingRequest? request, EmbeddingService embeddings, CancellationToken ct) =>
            await Request(() => embeddings.RequestForRunAsync(id, request ?? Empty, ct)));

        api.MapPost("/datasets/{id:int}/embeddings", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (
            int id, CreateEmbeddingRequest? request, EmbeddingService embeddings, CancellationToken ct) =>
            await Request(() => embeddings.RequestForDatasetAsync(id, request ?? Empty, ct)));

        api.MapGet("/runs/{id:int}/embeddings", async Task<Results<Ok<IReadOnlyList<EmbeddingResponse>>, NotFound>> (
            int id, EmbeddingService embeddings, RunService runs, CancellationToken ct) =>
            await runs.ExistsAsync(id, ct) ? TypedResults.Ok(await embeddings.ListForRunAsync(id, ct)) : TypedResults.NotFound());

        api.MapGet("/datasets/{id:int}/embeddings", async Task<Results<Ok<IReadOnlyList<EmbeddingResponse>>, NotFound>> (
            int id, EmbeddingService embeddings, DatasetService datasets, CancellationToken ct) =>
            await datasets.ExistsAsync(id, ct) ? TypedResults.Ok(await embeddings.ListForDatasetAsync(id, ct)) : TypedResults.NotFound());

        api.MapGet("/embeddings/{id:int}", async Task<Results<Ok<EmbeddingResponse>, NotFound>> (int id, EmbeddingService embeddings, CancellationToken ct) =>
            await embeddings.GetAsync(id, ct) is { } embedding ? TypedResults.Ok(embedding) : TypedResults.NotFound());
        return app;
    }

    private static readonly CreateEmbeddingRequest Empty = new(null, null, null, null, null, null);

    private static async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> Request(Func<Task<int>> create)
    {
        var id = await create();
        return TypedResults.Accepted($"/api/embeddings/{id}", new CreatedResponse(id));
    }
}
