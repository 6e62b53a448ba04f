using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Datasets.Scans;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Scans;

namespace XaiLab.Web.Apis;

/// <summary>
/// Explaining an uploaded scan with a run: <c>POST /api/runs/{id}/predict</c> (multipart: <c>file</c>; optional
/// <c>methods</c>, repeated or comma-separated; for a NIfTI volume <c>slice</c>, <c>axis</c>, <c>volumeIndex</c>) and
/// the scan's files while it is kept: <c>/api/scans/{token}/image.png</c> (as stored), <c>/preview.png</c> (contrast for the eye), <c>/maps/{method}.png</c> and
/// <c>/maps/{method}.f32</c>.
/// </summary>
public static class ScansApi
{
    public static IEndpointRouteBuilder MapScansApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/runs/{id:int}/predict", async Task<Results<Ok<ScanExplanationResponse>, ProblemHttpResult>> (
            int id, HttpContext http, ScanExplanationService scans, IOptions<ScansOptions> options, CancellationToken ct) =>
        {
            if (!http.Request.HasFormContentType)
            {
                throw new RequestValidationException("Send the scan as multipart/form-data with a 'file' part (and optional 'methods', 'slice', 'axis', 'volumeIndex').");
            }
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? throw new RequestValidationException("The request has no 'file' part: attach the scan as 'file'.");
            if (file.Length > options.Value.MaxUploadBytes)
            {
                throw new RequestValidationException($"The scan is larger than the limit of {options.Value.MaxUploadBytes:N0} bytes (Scans:MaxUploadBytes).");
            }
            var data = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(data, ct);
            }
            var scanOptions = new ScanOptions(
                Integer(form, "slice"),
                Integer(form, "axis") ?? 2,
                Integer(form, "volumeIndex"));
            var methods = form["methods"].Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!).ToList();
            return TypedResults.Ok(await scans.ExplainAsync(id, data, file.FileName, scanOptions, methods, ct));
        }).DisableAntiforgery().WithTags("Scans");

        var api = app.MapGroup("/api/scans/{token}").WithTags("Scans");
        api.MapGet("/image.png", async Task<Results<FileContentHttpResult, NotFound>> (string token, ScanExplanationService scans, ArtifactStore store, CancellationToken ct) =>
            await scans.FindAsync(token, ct) is { } record && store.Exists(record.ImagePath)
                ? TypedResults.File(await store.ReadAsync(record.ImagePath, ct), "image/png")
                : TypedResults.NotFound());
        api.MapGet("/preview.png", async Task<Results<FileContentHttpResult, NotFound>> (string token, ScanExplanationService scans, ArtifactStore store, CancellationToken ct) =>
            await scans.FindAsync(token, ct) is { } record && store.Exists(record.ImagePath)
                ? TypedResults.File(SliceRenderer.RenderPng(Png16Codec.Decode(await store.ReadAsync(record.ImagePath, ct))), "image/png")
                : TypedResults.NotFound());
        api.MapGet("/maps/{method}.png", async Task<Results<FileContentHttpResult, NotFound>> (string token, string method, ScanExplanationService scans, ArtifactStore store, CancellationToken ct) =>
            await scans.FindAsync(token, ct) is { } record && record.Methods.Contains(method) && store.Exists(record.OverlayPath(method))
                ? TypedResults.File(await store.ReadAsync(record.OverlayPath(method), ct), "image/png")
                : TypedResults.NotFound());
        api.MapGet("/maps/{method}.f32", async Task<Results<FileContentHttpResult, NotFound>> (string token, string method, ScanExplanationService scans, ArtifactStore store, HttpContext http, CancellationToken ct) =>
        {
            if (await scans.FindAsync(token, ct) is not { } record || !record.Methods.Contains(method) || !store.Exists(record.ValuesPath(method)))
            {
                return TypedResults.NotFound();
            }
            http.Response.Headers["X-Dtype"] = "float32-le";
            return TypedResults.File(await store.ReadAsync(record.ValuesPath(method), ct), "application/octet-stream");
        });
        return app;
    }

    private static int? Integer(IFormCollection form, string field) =>
        form[field].FirstOrDefault() is not { Length: > 0 } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new RequestValidationException($"{field} must be an integer.");
}
