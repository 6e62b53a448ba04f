using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Exports;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Apis;

/// <summary>
/// Every table of the run pages as a download: the compare page's Table 3 (JSON and CSV) and a run's epochs, per-class
/// metrics, confusion matrix and predictions as CSV (their JSON forms are the routes of <see cref="RunsApi"/>).
/// </summary>
public static class RunExportsApi
{
    public static IEndpointRouteBuilder MapRunExportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/runs").WithTags("Runs");

        api.MapGet("/summary", async Task<Results<Ok<IReadOnlyList<RunSummary>>, ProblemHttpResult>> (string? ids, RunService runs, CancellationToken ct) =>
        {
            return TypedResults.Ok(RunSummaries.ByArchitecture(await LoadAsync(ids, runs, ct)));
        });

        api.MapGet("/summary.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string? ids, RunService runs, CancellationToken ct) =>
        {
            var rows = RunSummaries.ByArchitecture(await LoadAsync(ids, runs, ct));
            return Csv("table3.csv",
                ["architecture", "datasetId", "runs", "accuracyMean", "accuracySd", "macroF1Mean", "macroF1Sd", "trainSecondsMean"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Architecture, r.DatasetId, r.Runs, r.AccuracyMean, r.AccuracySd, r.MacroF1Mean, r.MacroF1Sd, r.TrainSecondsMean]));
        });

        api.MapGet("/{id:int}/epochs.csv", async Task<Results<FileContentHttpResult, NotFound>> (int id, RunService runs, CancellationToken ct) =>
        {
            if (await runs.GetAsync(id, ct) is null) return TypedResults.NotFound();
            var epochs = await runs.EpochsAsync(id, ct);
            return Csv($"run-{id}-epochs.csv",
                ["epoch", "trainLoss", "trainAccuracy", "validationLoss", "validationAccuracy", "learningRate", "durationSeconds"],
                epochs.Select(e => (IReadOnlyList<object?>)[e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.LearningRate, e.DurationSeconds]));
        });

        api.MapGet("/{id:int}/per-class.csv", async Task<Results<FileContentHttpResult, NotFound>> (int id, RunService runs, CancellationToken ct) =>
        {
            if (await runs.GetAsync(id, ct) is not { } run) return TypedResults.NotFound();
            return Csv($"run-{id}-per-class.csv", ["class", "precision", "recall", "f1", "support", "auc"],
                (run.PerClass ?? []).Select(c => (IReadOnlyList<object?>)
                    [c.Name, c.Precision, c.Recall, c.F1, c.Support, run.Auc?.PerClass is { } auc && auc.TryGetValue(c.Name, out var value) ? value : null]));
        });

        api.MapGet("/{id:int}/confusion.csv", async Task<Results<FileContentHttpResult, NotFound>> (int id, RunService runs, CancellationToken ct) =>
        {
            if (await runs.GetAsync(id, ct) is not { ConfusionMatrix: { } matrix }) return TypedResults.NotFound();
            // Rows: true class; columns: predicted class, as scikit-learn's confusion_matrix.
            return Csv($"run-{id}-confusion.csv", ["true \\ predicted", .. matrix.Labels],
                matrix.Labels.Select((label, row) => (IReadOnlyList<object?>)[label, .. matrix.Counts[row].Cast<object?>()]));
        });

        api.MapGet("/{id:int}/predictions.csv", async Task<Results<FileContentHttpResult, NotFound>> (int id, RunService runs, CancellationToken ct) =>
        {
            if (await runs.GetAsync(id, ct) is not { } run) return TypedResults.NotFound();
            var predictions = await runs.PredictionsAsync(id, ct);
            var classes = run.ConfusionMatrix?.Labels ?? [];
            return Csv($"run-{id}-predictions.csv", ["sliceId", "label", "predicted", .. classes.Select(c => $"p_{c}")],
                predictions.Select(p => (IReadOnlyList<object?>)[p.SliceId, p.Label, p.Predicted, .. p.Probabilities.Cast<object?>()]));
        });

        return routes;
    }

    private static async Task<List<RunResponse>> LoadAsync(string? ids, RunService runs, CancellationToken ct)
    {
        var parsed = (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => int.TryParse(text, out var id) && id > 0 ? id : throw new RequestValidationException($"'{text}' is not a run id."))
            .Distinct().ToList();
        if (parsed.Count == 0)
        {
            throw new RequestValidationException("Give run ids, comma-separated: ?ids=1,2,3.");
        }
        var loaded = new List<RunResponse>();
        foreach (var id in parsed)
        {
            // Unknown (or not visible) runs are left out, as on the compare page.
            if (await runs.GetAsync(id, ct) is { } run) loaded.Add(run);
        }
        return loaded;
    }

    private static FileContentHttpResult Csv(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(CsvTable.Write(header, rows)), "text/csv", name);
}
