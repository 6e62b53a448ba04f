using XaiLab.Web.Services.Deletion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Apis.Datasets;
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

        api.MapPost("/", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (
            HttpContext http, DatasetUploadStore uploads, DatasetImportService imports, IOptions<DatasetImportOptions> options, CancellationToken ct) =>
        {
            var limit = options.Value.MaxUploadBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = limit;
            }
            var form = await DatasetUploadForm.ReadAsync(http.Request, uploads, limit, ct);
            var id = await imports.StartAsync(form.FilePath, form.Name, form.Format, form.Classes, form.TeamId, form.FileName, ct, form.Volumes);
            return TypedResults.Accepted($"/api/datasets/{id}", new CreatedResponse(id));
        }).DisableAntiforgery();

        api.MapDelete("/{id:int}", async Task<NoContent> (int id, bool? cascade, DeletionService deletion, CancellationToken ct) =>
        {
            await deletion.DeleteDatasetAsync(id, cascade ?? false, ct);
            return TypedResults.NoContent();
        });

        api.MapPost("/{id:int}/cancel", async Task<Accepted> (int id, DatasetImportService imports, CancellationToken ct) =>
        {
            await imports.CancelAsync(id, ct);
            return TypedResults.Accepted($"/api/datasets/{id}");
        });

        api.MapGet("/{id:int}/slices", async Task<Results<Ok<IReadOnlyList<SliceResponse>>, NotFound, ProblemHttpResult>> (
            int id, int? skip, int? take, string? @class, string? split, string? patient, HttpContext http, DatasetSliceQueries slices, CancellationToken ct) =>
        {
            var filter = new SliceFilter(@class, split, patient);
            var page = await slices.ListAsync(id, filter, skip ?? 0, take ?? 100, ct);
            if (page is null)
            {
                return TypedResults.NotFound();
            }
            http.Response.Headers["X-Total-Count"] = (await slices.CountAsync(id, filter, ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Ok(page);
        });

        api.MapGet("/{id:int}/leakage", async Task<Results<Ok<LeakageResponse>, NotFound>> (int id, DatasetSplitService splits, CancellationToken ct) =>
            await splits.LeakageAsync(id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());

        api.MapPost("/{id:int}/split", async Task<Results<Ok<SplitResponse>, ProblemHttpResult>> (
            int id, ResplitRequest? request, DatasetSplitService splits, CancellationToken ct) =>
        {
            return TypedResults.Ok(await splits.ResplitAsync(id, request ?? new ResplitRequest(null, null, null, null), ct));
        });

        api.MapPost("/demo", async Task<Results<Accepted<CreatedResponse>, ProblemHttpResult>> (
            CreateDemoDatasetRequest? request, DatasetService datasets, CancellationToken ct) =>
        {
            var id = await datasets.CreateDemoAsync(request ?? new CreateDemoDatasetRequest(null, null, null, null), ct);
            return TypedResults.Accepted($"/api/datasets/{id}", new CreatedResponse(id));
        });
        return app;
    }
}
