using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Engine.Models.Weights;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis;

/// <summary>
/// A run's trained weights as a PyTorch state dict: <c>GET /api/runs/{id}/weights.pt</c> (zip pickle,
/// <c>torch.load</c>) or <c>/weights.safetensors</c>, with <c>?naming=xailab</c> (default: XaiLab's own names, every
/// architecture) or <c>?naming=torchvision</c> (torchvision's names for resnet50, vgg16, vgg19, densenet121,
/// inceptionv3, efficientnetb0; 400 for the others). 404 until the run has a checkpoint.
/// </summary>
public static class RunWeightsApi
{
    public static IEndpointRouteBuilder MapRunWeightsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/runs").WithTags("Runs");
        api.MapGet("/{id:int}/weights.pt", (int id, string? naming, RunWeights weights, CancellationToken ct) =>
            ExportAsync(id, WeightFormat.PyTorch, naming, weights, ct));
        api.MapGet("/{id:int}/weights.safetensors", (int id, string? naming, RunWeights weights, CancellationToken ct) =>
            ExportAsync(id, WeightFormat.Safetensors, naming, weights, ct));
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> ExportAsync(
        int id, WeightFormat format, string? naming, RunWeights weights, CancellationToken ct)
    {
        var file = await weights.ExportAsync(id, format, ParseNaming(naming), ct);
        return file is null
            ? TypedResults.NotFound()
            : TypedResults.File(file.Content, "application/octet-stream", file.FileName);
    }

    private static StateDictNaming ParseNaming(string? naming) => naming?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xailab" => StateDictNaming.XaiLab,
        "torchvision" => StateDictNaming.Torchvision,
        _ => throw new RequestValidationException($"Unknown naming '{naming}': use xailab or torchvision."),
    };
}
