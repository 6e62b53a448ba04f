using XaiLab.Web.Services.Deletion;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Attributions;

namespace XaiLab.Web.Apis;

public static class AttributionsApi
{
    public static IEndpointRouteBuilder MapAttributionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Attributions");

        api.MapPost("/attributions", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (
            CreateAttributionsRequest request, AttributionService attributions, CancellationToken ct) =>
        {
            var id = await attributions.RequestAsync(request, ct);
            return TypedResults.Accepted($"/api/attributions/{id}", new CreatedResponse(id));
        });

        api.MapGet("/attributions/{id:int}", async Task<Results<Ok<AttributionRequestResponse>, NotFound>> (
            int id, AttributionService attributions, CancellationToken ct) =>
            await attributions.GetAsync(id, ct) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound());

        api.MapDelete("/attributions/{id:int}", async Task<NoContent> (int id, bool? cascade, DeletionService deletion, CancellationToken ct) =>
        {
            await deletion.DeleteAttributionRequestAsync(id, cascade ?? false, ct);
            return TypedResults.NoContent();
        });

        api.MapPost("/attributions/{id:int}/cancel", async Task<Accepted> (int id, AttributionService attributions, CancellationToken ct) =>
        {
            await attributions.CancelAsync(id, ct);
            return TypedResults.Accepted($"/api/attributions/{id}");
        });

        api.MapGet("/attributions/{id:int}/figure.{format}", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
            int id, string format, [FromQuery] string? colormap, [FromQuery] double? opacity, [FromQuery] bool? shared,
            [FromQuery] string? sign, AttributionFigureService figures, CancellationToken ct) =>
        {
            var kind = format.Trim().ToLowerInvariant();
            if (kind is not ("png" or "pdf"))
            {
                return ApiProblems.From(new RequestValidationException($"Unknown figure format '{format}'. Valid: png, pdf."));
            }
            OverlayStyle look;
            look = OverlayStyle.Parse(colormap, opacity, sign);
            var figureStyle = new AttributionFigureStyle(look.Palette, look.Opacity, shared ?? false, look.Signed);
            var bytes = kind == "png" ? await figures.RenderPngAsync(id, figureStyle, ct) : await figures.RenderPdfAsync(id, figureStyle, ct);
            return bytes is null
                ? TypedResults.NotFound()
                : TypedResults.File(bytes, kind == "png" ? "image/png" : "application/pdf", $"xailab-attributions-{id}.{kind}");
        });

        api.MapGet("/runs/{runId:int}/attributions/{method}/{sliceId:int}", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
            int runId, string method, int sliceId, [FromQuery] string? format, [FromQuery] string? parameters,
            [FromQuery] string? colormap, [FromQuery] double? opacity, [FromQuery] double? ceiling,
            [FromQuery] string? sign, AttributionService attributions, ArtifactStore store, HttpContext http, CancellationToken ct) =>
        {
            try
            {
                AttributionMethods.Create(method);
            }
            catch (ArgumentException e)
            {
                return ApiProblems.From(new RequestValidationException(e.Message));
            }
            var kind = (format ?? "png").Trim().ToLowerInvariant();
            if (kind is not ("png" or "raw"))
            {
                return ApiProblems.From(new RequestValidationException($"Unknown format '{format}'. Valid: png, raw."));
            }
            var look = OverlayStyle.Parse(colormap, opacity, sign);
            if (ceiling is not null && !(ceiling > 0 && double.IsFinite(ceiling.Value)))
            {
                return ApiProblems.From(new RequestValidationException("ceiling must be a positive number."));
            }
            var map = await attributions.FindMapAsync(runId, method, sliceId, parameters, ct);
            if (map is null || !store.Exists(map.OverlayPath) || !store.Exists(map.ValuesPath))
            {
                return TypedResults.NotFound();
            }
            // A stored map never changes; a request naming its parameters may cache it for good.
            http.Response.Headers.CacheControl = parameters is null ? "no-cache" : "public, max-age=31536000, immutable";
            http.Response.Headers["X-Target"] = map.Target.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-Parameters"] = map.Parameters;
            if (kind == "png")
            {
                var overlay = colormap is null && opacity is null && ceiling is null && !look.Signed
                    ? await store.ReadAsync(map.OverlayPath, ct)
                    : await attributions.RenderOverlayAsync(map,
                        new SaliencyRenderOptions(look.Palette, look.Opacity, Ceiling: ceiling, Signed: look.Signed), ct);
                return TypedResults.File(overlay, "image/png");
            }
            http.Response.Headers["X-Shape"] = string.Create(CultureInfo.InvariantCulture, $"{map.Channels},{map.Height},{map.Width}");
            http.Response.Headers["X-Dtype"] = "float32-le";
            return TypedResults.File(await store.ReadAsync(map.ValuesPath, ct), "application/octet-stream");
        });

        api.MapGet("/runs/{runId:int}/sanity-check", async Task<Results<Ok<SanityCheckResponse>, NotFound>> (
            int runId, SanityCheckService checks, CancellationToken ct) =>
            await checks.GetAsync(runId, ct) is { } check ? TypedResults.Ok(check) : TypedResults.NotFound());

        api.MapPost("/runs/{runId:int}/sanity-check", async Task<Results<Accepted<SanityCheckResponse>, NotFound, ProblemHttpResult>> (
            int runId, CreateSanityCheckRequest? request, SanityCheckService checks, CancellationToken ct) =>
        {
            return await checks.RequestAsync(runId, request ?? new CreateSanityCheckRequest(), ct) is { } check
                ? TypedResults.Accepted($"/api/runs/{runId}/sanity-check", check)
                : TypedResults.NotFound();
        });

        api.MapGet("/runs/{runId:int}/saliency-scores", async Task<Results<Ok<SaliencyScoresResponse>, NotFound>> (
            int runId, [FromQuery] double? threshold, [FromQuery] int? datasetId, SaliencyScoreService scores, CancellationToken ct) =>
            await scores.ForRunAsync(runId, ApiLimits.Finite(threshold, "threshold", 0, 1) ?? SaliencyScoreService.DefaultAgreementThreshold, datasetId, ct) is { } response
                ? TypedResults.Ok(response)
                : TypedResults.NotFound());

        api.MapGet("/runs/{runId:int}/saliency-scores.csv", async Task<Results<FileContentHttpResult, NotFound>> (
            int runId, [FromQuery] int? datasetId, SaliencyScoreService scores, CancellationToken ct) =>
            await scores.ForRunAsync(runId, SaliencyScoreService.DefaultAgreementThreshold, datasetId, ct) is { } response
                ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(SaliencyScoresCsv.Write(response.Rows)), "text/csv; charset=utf-8",
                    $"xailab-run-{runId}-saliency-scores.csv")
                : TypedResults.NotFound());
        return app;
    }
}
