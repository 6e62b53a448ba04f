using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Apis;

/// <summary>PNG files behind rows: slice images and masks at original size, attribution overlays; only the caller's teams'.</summary>
public static class ArtifactsApi
{
    public static IEndpointRouteBuilder MapArtifactsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/slices/{id:int}/image.png", async Task<Results<FileStreamHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TeamAccess access, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var path = await db.Slices.VisibleTo(access).Where(s => s.Id == id).Select(s => s.ImagePath).FirstOrDefaultAsync(ct);
            return Png(store, path);
        }).WithTags("Slices");

        app.MapGet("/api/slices/{id:int}/mask.png", async Task<Results<FileStreamHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TeamAccess access, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var path = await db.Slices.VisibleTo(access).Where(s => s.Id == id).Select(s => s.MaskPath).FirstOrDefaultAsync(ct);
            return Png(store, path);
        }).WithTags("Slices");

        app.MapGet("/api/slices/{id:int}/preview.png", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
            int id, bool? contour, double? center, double? width, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TeamAccess access, CancellationToken ct) =>
        {
            if (width is <= 0 || width is { } w && !double.IsFinite(w) || center is { } c && !double.IsFinite(c))
            {
                return TypedResults.Problem(detail: "center and width must be finite numbers, width positive.", statusCode: StatusCodes.Status400BadRequest);
            }
            await using var db = await contexts.CreateDbContextAsync(ct);
            var slice = await db.Slices.VisibleTo(access).Where(s => s.Id == id).Select(s => new { s.ImagePath, s.MaskPath, s.MetadataJson }).FirstOrDefaultAsync(ct);
            if (slice is null)
            {
                return TypedResults.NotFound();
            }
            var image = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, ct));
            var mask = contour == true && slice.MaskPath is not null ? Png16Codec.DecodeMask(await store.ReadAsync(slice.MaskPath, ct)) : null;
            // Asked for, else the source's default window (a DICOM WindowCenter/Width), else automatic.
            var window = center is not null && width is not null ? DisplayWindow.FromCenterWidth(center.Value, width.Value)
                : StoredSliceMetadata.Read(slice.MetadataJson)?.StoredWindow() is { } stored ? DisplayWindow.FromCenterWidth(stored.Center, stored.Width)
                : null;
            return TypedResults.File(SliceRenderer.RenderPng(image, mask, window), "image/png");
        }).WithTags("Slices");

        app.MapGet("/api/attributions/maps/{id:int}/overlay.png", async Task<Results<FileStreamHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TeamAccess access, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var path = await db.StoredAttributions.VisibleTo(access).Where(m => m.Id == id).Select(m => m.OverlayPath).FirstOrDefaultAsync(ct);
            return Png(store, path);
        }).WithTags("Attributions");

        // The training's saliency maps are stored attributions now; the address scripts know stays and redirects.
        app.MapGet("/api/saliency/{id:int}/overlay.png", async Task<Results<RedirectHttpResult, NotFound>> (
            int id, IDbContextFactory<XaiLabDbContext> contexts, TeamAccess access, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await db.StoredAttributions.VisibleTo(access).AnyAsync(m => m.Id == id, ct)
                ? TypedResults.Redirect(AttributionMapUrls.Overlay(id), permanent: true, preserveMethod: true)
                : TypedResults.NotFound();
        }).WithTags("Saliency");
        return app;
    }

    private static Results<FileStreamHttpResult, NotFound> Png(ArtifactStore store, string? path) =>
        path is not null && store.Exists(path)
            ? TypedResults.File(store.OpenRead(path), "image/png", enableRangeProcessing: false)
            : TypedResults.NotFound();
}
