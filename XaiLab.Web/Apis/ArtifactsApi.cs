using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;

namespace XaiLab.Web.Apis;

/// <summary>PNG files behind rows: slice images and masks at original size, saliency overlays.</summary>
public static class ArtifactsApi
{
    public static IEndpointRouteBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/slices/{id:int}/image.png", async Task<Results<FileStreamHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var path = await db.Slices.Where(s => s.Id == id).Select(s => s.ImagePath).FirstOrDefaultAsync(ct);
            return Png(store, path);
        }).WithTags("Slices");

        app.MapGet("/api/slices/{id:int}/mask.png", async Task<Results<FileStreamHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var path = await db.Slices.Where(s => s.Id == id).Select(s => s.MaskPath).FirstOrDefaultAsync(ct);
            return Png(store, path);
        }).WithTags("Slices");

        app.MapGet("/api/saliency/{id:int}/overlay.png", async Task<Results<FileStreamHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var path = await db.SaliencyMaps.Where(m => m.Id == id).Select(m => m.OverlayPath).FirstOrDefaultAsync(ct);
            return Png(store, path);
        }).WithTags("Saliency");
        return app;
    }

    private static Results<FileStreamHttpResult, NotFound> Png(ArtifactStore store, string? path) =>
        path is not null && store.Exists(path)
            ? TypedResults.File(store.OpenRead(path), "image/png", enableRangeProcessing: false)
            : TypedResults.NotFound();
}
