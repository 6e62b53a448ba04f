using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.ModelCards;

namespace XaiLab.Web.Apis;

/// <summary>
/// A run's model card: <c>GET /api/runs/{id}/model-card</c> (JSON, the contract scripts read) and
/// <c>/model-card.md</c> (Markdown in Mitchell et al.'s sections). 404 for a run the caller's teams cannot see, 409 for a
/// run without a checkpoint.
/// </summary>
public static class ModelCardsApi
{
    public static IEndpointRouteBuilder MapModelCardsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/runs").WithTags("Runs");
        api.MapGet("/{id:int}/model-card", async Task<Results<Ok<ModelCardResponse>, NotFound>> (int id, ModelCardService cards, CancellationToken ct) =>
            await cards.GetAsync(id, ct) is { } card ? TypedResults.Ok(card) : TypedResults.NotFound());
        api.MapGet("/{id:int}/model-card.md", async Task<Results<FileContentHttpResult, NotFound>> (int id, ModelCardService cards, CancellationToken ct) =>
            await cards.MarkdownAsync(id, ct) is { } markdown
                ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"run-{id}-model-card.md")
                : TypedResults.NotFound());
        return routes;
    }
}
