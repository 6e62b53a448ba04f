using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Evaluations;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Services.Evaluations;

/// <summary>
/// External evaluations: a run's trained network judged on another dataset of its team (another hospital's scans). The
/// dataset's classes are counted as the run's by name or by the caller's map; <see cref="EvaluationJob"/> predicts the
/// chosen slices with the run's preprocessing and stores the report in the run's classes.
/// </summary>
public sealed class EvaluationService(
    IDbContextFactory<XaiLabDbContext> contexts,
    IBackgroundJobClient jobs,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    /// <exception cref="RequestValidationException">403 for a reader; 404 for a run or dataset the caller cannot see; 409
    /// for a run without a checkpoint or a dataset that is not ready; 400 for another team's dataset, an unknown split, a
    /// split without slices, or classes that do not match (naming both lists).</exception>
    public async Task<int> RequestAsync(int runId, CreateEvaluationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Run {runId} does not exist.");
        if (run.CheckpointPath is null || run.CompletedEpochs == 0)
        {
            throw RequestValidationException.InConflict($"Run {runId} has no checkpoint yet; evaluate it once it has trained.");
        }
        var dataset = await db.Datasets.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {request.DatasetId} does not exist.");
        if (dataset.TeamId != run.TeamId)
        {
            throw new RequestValidationException(
                $"Dataset {dataset.Id} belongs to team {dataset.TeamId}, run {runId} to team {run.TeamId}; an evaluation stays in its run's team.");
        }
        if (dataset.Status != DatasetStatus.Ready)
        {
            throw RequestValidationException.InConflict($"Dataset {dataset.Id} is {dataset.Status.ToString().ToLowerInvariant()}, not ready.");
        }
        var split = ParseSplit(request.Split);
        var ours = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames).FirstAsync(cancellationToken);
        var map = EvaluationClassMatch.Resolve(dataset.ClassNames, ours, request.ClassMap);
        var slices = await SlicesOf(db, dataset.Id, split).CountAsync(cancellationToken);
        if (slices == 0)
        {
            throw new RequestValidationException($"Dataset {dataset.Id} has no {WireNames.Of(split)} slices to evaluate on.");
        }

        var evaluation = new RunEvaluation
        {
            TeamId = run.TeamId,
            RunId = runId,
            DatasetId = dataset.Id,
            Split = split,
            ClassMapJson = new StoredClassMap(StoredClassMap.CurrentVersion, map).ToJson(),
            ClassMapGiven = request.ClassMap is not null,
            Status = RunEvaluationStatus.Queued,
            Samples = slices,
            CreatedAt = time.GetUtcNow(),
        };
        db.RunEvaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<EvaluationJob>(job => job.RunAsync(evaluation.Id, CancellationToken.None));
        await audit.RecordAsync(AuditActions.EvaluationRequest, "evaluation", evaluation.Id.ToString(CultureInfo.InvariantCulture),
            $"run {runId} on dataset {dataset.Id} ({WireNames.Of(split)}, {slices} slices)", cancellationToken);
        return evaluation.Id;
    }

    /// <summary>The run's evaluations, oldest first, without their per-slice predictions; null for a run the caller cannot see.</summary>
    public async Task<IReadOnlyList<EvaluationResponse>?> ListForRunAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.VisibleTo(access).AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return null;
        }
        var rows = await db.RunEvaluations.AsNoTracking().VisibleTo(access).Where(e => e.RunId == runId).OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var internalCorrect = await InternalCorrectAsync(db, runId, cancellationToken);
        var result = new List<EvaluationResponse>();
        foreach (var row in rows)
        {
            result.Add(await ToResponseAsync(db, row, internalCorrect, withPredictions: false, cancellationToken));
        }
        return result;
    }

    public async Task<EvaluationResponse?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.RunEvaluations.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var internalCorrect = await InternalCorrectAsync(db, row.RunId, cancellationToken);
        return await ToResponseAsync(db, row, internalCorrect, withPredictions: true, cancellationToken);
    }

    /// <summary>The ready datasets of the run's team a run can be evaluated on (id and name, by name); empty for a run the
    /// caller cannot see.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DatasetChoicesAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var team = await db.Runs.VisibleTo(access).Where(r => r.Id == runId).Select(r => (int?)r.TeamId).FirstOrDefaultAsync(cancellationToken);
        if (team is null)
        {
            return [];
        }
        var datasets = await db.Datasets.AsNoTracking().VisibleTo(access)
            .Where(d => d.TeamId == team && d.Status == DatasetStatus.Ready)
            .OrderBy(d => d.Name).ThenBy(d => d.Id).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        return datasets.Select(d => (d.Id, d.Name)).ToList();
    }

    /// <summary>The slices of <paramref name="datasetId"/> an evaluation of <paramref name="split"/> predicts.</summary>
    public static IQueryable<Slice> SlicesOf(XaiLabDbContext db, int datasetId, EvaluationSplit split)
    {
        ArgumentNullException.ThrowIfNull(db);
        var slices = db.Slices.AsNoTracking().Where(s => s.DatasetId == datasetId);
        return split switch
        {
            EvaluationSplit.Test => slices.Where(s => s.Split == SplitPart.Test),
            EvaluationSplit.Unassigned => slices.Where(s => s.Split == SplitPart.Unassigned),
            _ => slices,
        };
    }

    private static EvaluationSplit ParseSplit(string? split) => (split ?? "all").Trim().ToLowerInvariant() switch
    {
        "all" => EvaluationSplit.All,
        "test" => EvaluationSplit.Test,
        "unassigned" => EvaluationSplit.Unassigned,
        var other => throw new RequestValidationException($"Unknown split '{other}'. Valid: all, test, unassigned."),
    };

    private static async Task<List<bool>> InternalCorrectAsync(XaiLabDbContext db, int runId, CancellationToken cancellationToken) =>
        await db.Predictions.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.SliceId)
            .Select(p => p.Label == p.Predicted).ToListAsync(cancellationToken);

    private static async Task<EvaluationResponse> ToResponseAsync(XaiLabDbContext db, RunEvaluation row, List<bool> internalCorrect,
        bool withPredictions, CancellationToken cancellationToken)
    {
        var name = await db.Datasets.Where(d => d.Id == row.DatasetId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var stored = row.Status == RunEvaluationStatus.Succeeded ? StoredEvaluation.FromJson(row.MetricsJson) : null;
        var predictions = stored is null
            ? []
            : await db.EvaluationPredictions.AsNoTracking().Where(p => p.EvaluationId == row.Id).OrderBy(p => p.SliceId)
                .ToListAsync(cancellationToken);
        var metrics = stored is null ? null : EvaluationMetrics.Metrics(stored, predictions.Select(p => (p.Label, p.Probabilities)).ToList());
        var difference = stored is null ? null : EvaluationMetrics.Difference(internalCorrect, predictions.Select(p => p.Label == p.Predicted).ToList());
        return new EvaluationResponse(row.Id, row.RunId, row.DatasetId, name, row.Split, StoredClassMap.Read(row.ClassMapJson).Classes,
            row.Status, row.Status == RunEvaluationStatus.Succeeded ? 1 : row.Progress, row.Samples, metrics, difference,
            withPredictions ? predictions.Select(p => new EvaluationPredictionResponse(p.SliceId, p.Label, p.Predicted, p.Probabilities)).ToList() : [],
            row.Error, row.CreatedAt, row.FinishedAt);
    }
}
