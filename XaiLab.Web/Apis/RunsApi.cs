using XaiLab.Web.Services.Deletion;
using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Exports;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis;

public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/runs").WithTags("Runs");

        api.MapGet("/", async Task<Results<Ok<IReadOnlyList<RunResponse>>, ProblemHttpResult>> (
            int? datasetId, string? architecture, string? status, string? tag, string? q, RunService runs, CancellationToken ct) =>
        {
            return TypedResults.Ok(await runs.ListAsync(new RunFilter(datasetId, architecture, status, tag, q), ct));
        });

        api.MapGet("/export.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            int? datasetId, string? architecture, string? status, string? tag, string? q, RunService runs, CancellationToken ct) =>
        {
            var list = await runs.ListAsync(new RunFilter(datasetId, architecture, status, tag, q), ct);
            var csv = CsvTable.Write(
                ["id", "datasetId", "architecture", "status", "seed", "epochs", "completedEpochs", "imageSize", "batchSize",
                 "learningRate", "accuracy", "macroF1", "weightedF1", "tags", "notes", "createdAt", "finishedAt"],
                list.Select(r => (IReadOnlyList<object?>)
                [
                    r.Id, r.DatasetId, r.Architecture, r.Status, r.Seed, r.Epochs, r.CompletedEpochs, r.ImageSize, r.BatchSize,
                    r.LearningRate, r.Metrics?.Accuracy, r.Metrics?.MacroF1, r.Metrics?.WeightedF1, string.Join(";", r.Tags ?? []),
                    r.Notes, r.CreatedAt.ToString("o"), r.FinishedAt?.ToString("o"),
                ]));
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", "runs.csv");
        });

        api.MapGet("/{id:int}/predictions", async Task<Results<Ok<IReadOnlyList<PredictionResponse>>, NotFound>> (int id, RunService runs, CancellationToken ct) =>
            await runs.ExistsAsync(id, ct) ? TypedResults.Ok(await runs.PredictionsAsync(id, ct)) : TypedResults.NotFound());

        api.MapGet("/{id:int}/compare/{otherId:int}", async Task<Results<Ok<PairedComparisonResponse>, ProblemHttpResult>> (
            int id, int otherId, int? evaluationDatasetId, RunComparisonService comparisons, CancellationToken ct) =>
        {
            return TypedResults.Ok(await comparisons.CompareAsync(id, otherId, evaluationDatasetId, ct));
        });

        api.MapPatch("/{id:int}", async Task<NoContent> (int id, UpdateRunRequest request, RunService runs, CancellationToken ct) =>
        {
            await runs.UpdateAsync(id, request, ct);
            return TypedResults.NoContent();
        });

        api.MapPost("/{id:int}/retry", async Task<Accepted> (int id, RunService runs, CancellationToken ct) =>
        {
            await runs.RetryAsync(id, ct);
            return TypedResults.Accepted($"/api/runs/{id}");
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<RunResponse>, NotFound>> (int id, RunService runs, CancellationToken ct) =>
            await runs.GetAsync(id, ct) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound());

        api.MapGet("/{id:int}/epochs", async Task<Results<Ok<IReadOnlyList<EpochResponse>>, NotFound>> (int id, RunService runs, CancellationToken ct) =>
            await runs.ExistsAsync(id, ct) ? TypedResults.Ok(await runs.EpochsAsync(id, ct)) : TypedResults.NotFound());

        api.MapGet("/{id:int}/saliency", async Task<Results<Ok<IReadOnlyList<SaliencyMapResponse>>, NotFound>> (int id, RunService runs, CancellationToken ct) =>
            await runs.ExistsAsync(id, ct) ? TypedResults.Ok(await runs.SaliencyMapsAsync(id, ct)) : TypedResults.NotFound());

        api.MapPost("/", async Task<Results<Accepted<CreatedRunsResponse>, ProblemHttpResult>> (CreateRunRequest request, RunService runs, CancellationToken ct) =>
        {
            var ids = await runs.CreateManyAsync(request, ct);
            return TypedResults.Accepted($"/api/runs/{ids[0]}", new CreatedRunsResponse(ids[0], ids));
        });

        api.MapDelete("/{id:int}", async Task<NoContent> (int id, bool? cascade, DeletionService deletion, CancellationToken ct) =>
        {
            await deletion.DeleteRunAsync(id, cascade ?? false, ct);
            return TypedResults.NoContent();
        });

        api.MapPost("/{id:int}/cancel", async Task<Accepted> (int id, RunService runs, CancellationToken ct) =>
        {
            await runs.CancelAsync(id, ct);
            return TypedResults.Accepted($"/api/runs/{id}");
        });
        return app;
    }
}
