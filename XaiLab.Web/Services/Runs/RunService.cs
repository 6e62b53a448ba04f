using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Models;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs;
using XaiLab.Web.Jobs.Training;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;
using XaiLab.Web.Services.Evaluations;
using XaiLab.Web.Services.Progress;
using XaiLab.Data.Executions;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Services.Runs;

/// <summary>Launches, cancels and reads the training runs of the caller's teams; shared by the pages and the API.</summary>
public sealed class RunService(
    IDbContextFactory<XaiLabDbContext> contextFactory,
    IBackgroundJobClient jobs,
    JobExecutions executions,
    ComputeNodesMonitor workers,
    RunProgressNotifier notifier,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    /// <summary>Creates and enqueues one run; for a sweep, the first of them.</summary>
    public async Task<int> CreateAsync(CreateRunRequest request, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync(request, cancellationToken))[0];

    /// <summary>Creates and enqueues one run per architecture x seed of <paramref name="request"/>.</summary>
    public async Task<IReadOnlyList<int>> CreateManyAsync(CreateRunRequest request, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        var configs = RunConfigFactory.Create(request, workers.CudaAvailable);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {request.DatasetId} does not exist.");
        var team = TeamAccess.SameTeam(request.TeamId, dataset.TeamId, $"dataset {dataset.Id}");
        if (dataset.Status != DatasetStatus.Ready)
        {
            throw new RequestValidationException($"Dataset {dataset.Id} is {dataset.Status.ToString().ToLowerInvariant()}, not ready.", conflict: true);
        }
        var parts = await db.Slices.Where(s => s.DatasetId == dataset.Id).Select(s => s.Split).Distinct().ToListAsync(cancellationToken);
        if (!parts.Contains(SplitPart.Train) || !parts.Contains(SplitPart.Test))
        {
            var missing = parts.Contains(SplitPart.Train) ? "test" : parts.Contains(SplitPart.Test) ? "training" : "training or test";
            throw RequestValidationException.InConflict(
                $"Dataset {dataset.Id} has {dataset.PatientCount} patient{(dataset.PatientCount == 1 ? "" : "s")} and no {missing} slices; " +
                "a patient-grouped split needs enough patients of every class for both training and test — split it by hand " +
                $"(POST /api/datasets/{dataset.Id}/split with assignments) or use it as an external test set.");
        }

        var tags = RunTags.Join(request.Tags);
        var runs = configs.Select(config => new TrainingRun
        {
            TeamId = team,
            DatasetId = dataset.Id,
            Architecture = config.Architecture,
            Status = RunStatus.Queued,
            Epochs = config.Epochs,
            ImageSize = config.ImageSize,
            BatchSize = config.BatchSize,
            LearningRate = config.LearningRate,
            Seed = config.Seed,
            Device = config.Device,
            ConfigJson = StoredRunConfig.Write(config),
            Tags = tags,
            Notes = ApiLimits.Text(request.Notes, "notes", ApiLimits.MaxNotesLength),
            CreatedAt = time.GetUtcNow(),
        }).ToList();
        db.Runs.AddRange(runs);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var run in runs)
        {
            run.HangfireJobId = Enqueue(run.Id, run.Device);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var run in runs)
        {
            await audit.RecordAsync(AuditActions.RunLaunch, "run", Id(run.Id), $"{run.Architecture} seed {run.Seed} on dataset {run.DatasetId}", cancellationToken);
        }
        return runs.Select(r => r.Id).ToList();
    }

    /// <summary>
    /// Queues a failed or cancelled run again as its next attempt; it resumes after its last stored epoch. False when
    /// </summary>
    /// <exception cref="RequestValidationException">Not found (404) when the caller sees no such run; conflict (409)
    /// when it is queued, running or succeeded.</exception>
    public async Task RetryAsync(int runId, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await FindAsync(db, runId, cancellationToken);
        if (run.Status is not (RunStatus.Failed or RunStatus.Cancelled))
        {
            throw RequestValidationException.InConflict("Only failed or cancelled runs can be retried.");
        }
        run.Status = RunStatus.Queued;
        run.Attempt++;
        run.Error = null;
        run.FinishedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        run.HangfireJobId = Enqueue(run.Id, run.Device);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(new RunProgress(run.Id, RunStatus.Queued, run.Progress, RunStage.Queued, run.CompletedEpochs, run.Epochs, 0, 0, null, null));
        await audit.RecordAsync(AuditActions.RunRetry, "run", Id(run.Id), $"attempt {run.Attempt}", cancellationToken);
    }

    /// <summary>Replaces the tags and/or notes of a run.</summary>
    /// <exception cref="RequestValidationException">Not found (404) when the caller sees no such run.</exception>
    public async Task UpdateAsync(int runId, UpdateRunRequest request, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await FindAsync(db, runId, cancellationToken);
        if (request.Tags is not null)
        {
            run.Tags = RunTags.Join(request.Tags);
        }
        if (request.Notes is not null)
        {
            run.Notes = ApiLimits.Text(request.Notes, "notes", ApiLimits.MaxNotesLength);
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.RunUpdate, "run", Id(run.Id), "tags and notes", cancellationToken);
    }

    /// <summary>Enqueues the training job on the queue its device asks for.</summary>
    public string Enqueue(int runId, string device)
    {
        return TrainingQueue.Enqueue(jobs, runId, device, workers.CudaAvailable);
    }

    /// <summary>Cancels a queued or running run.</summary>
    /// <exception cref="RequestValidationException">Not found (404) when the caller sees no such run; conflict (409)
    /// when it has already finished.</exception>
    public async Task CancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await FindAsync(db, runId, cancellationToken);
        if (run.Status is not (RunStatus.Queued or RunStatus.Running))
        {
            throw RequestValidationException.InConflict("The run has already finished.");
        }
        await audit.RecordAsync(AuditActions.RunCancel, "run", Id(run.Id), null, cancellationToken);
        if (run.Status == RunStatus.Queued || !await executions.RequestCancelAsync(JobKinds.Run, runId, cancellationToken))
        {
            // Not executing here: mark it, and the executor (or a later start) sees the status and stops.
            run.Status = RunStatus.Cancelled;
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            if (run.HangfireJobId is not null)
            {
                jobs.Delete(run.HangfireJobId);
            }
            notifier.Publish(new RunProgress(run.Id, RunStatus.Cancelled, run.Progress, RunStage.Cancelled, run.CompletedEpochs, run.Epochs, 0, 0, null, null));
        }
    }

    public async Task<RunResponse?> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        var execution = await db.JobExecutions.AsNoTracking().Where(e => e.Kind == JobKinds.Run && e.EntityId == runId)
            .Select(e => new { e.Crashes, e.LastCrash }).FirstOrDefaultAsync(cancellationToken);
        var datasetName = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var predictions = run.EvaluationJson is null
            ? []
            : await db.Predictions.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.SliceId)
                .Select(p => new { p.Label, p.Probabilities }).ToListAsync(cancellationToken);
        return ToResponse(run) with
        {
            WorkerCrashes = execution?.Crashes ?? 0,
            LastWorkerCrash = execution?.LastCrash,
            DatasetName = datasetName,
            Calibration = EvaluationMetrics.Calibration(predictions.Select(p => (p.Label, p.Probabilities)).ToList()),
        };
    }

    public Task<IReadOnlyList<RunResponse>> ListAsync(int? datasetId = null, CancellationToken cancellationToken = default) =>
        ListAsync(new RunFilter(datasetId), cancellationToken);

    /// <summary>The newest 500 runs matching every given field of <paramref name="filter"/>.</summary>
    public async Task<IReadOnlyList<RunResponse>> ListAsync(RunFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking().VisibleTo(access);
        if (filter.DatasetId is { } datasetId)
        {
            query = query.Where(r => r.DatasetId == datasetId);
        }
        if (filter.Architecture is { Length: > 0 } architecture)
        {
            var name = architecture.Trim().ToLowerInvariant();
            query = query.Where(r => r.Architecture == name);
        }
        if (filter.Status is { Length: > 0 } statusName)
        {
            query = Enum.TryParse<RunStatus>(statusName, ignoreCase: true, out var status)
                ? query.Where(r => r.Status == status)
                : throw new RequestValidationException($"Unknown status '{statusName}'.");
        }
        if (filter.Tag is { Length: > 0 } tag)
        {
            var wrapped = "," + tag.Trim().ToLowerInvariant() + ",";
            query = query.Where(r => ("," + r.Tags + ",").Contains(wrapped));
        }
        if (filter.Search is { Length: > 0 } q)
        {
            var text = q.Trim().ToLowerInvariant();
            var datasetIds = await db.Datasets.VisibleTo(access).Where(d => d.Name.ToLower().Contains(text)).Select(d => d.Id).ToListAsync(cancellationToken);
            query = query.Where(r => r.Architecture.Contains(text) || (r.Tags != null && r.Tags.Contains(text))
                || (r.Notes != null && r.Notes.ToLower().Contains(text)) || datasetIds.Contains(r.DatasetId));
        }
        var runs = await query.OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.DatasetId).Distinct().ToList();
        var names = await db.Datasets.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return runs.Select(run => ToResponse(run) with { DatasetName = names.GetValueOrDefault(run.DatasetId) }).ToList();
    }

    /// <summary>The test-split predictions of a run, by slice id; empty before evaluation.</summary>
    public async Task<IReadOnlyList<PredictionResponse>> PredictionsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        var labels = run is null ? null : ReadEvaluation(run)?.Labels;
        if (labels is null)
        {
            return [];
        }
        var predictions = await db.Predictions.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.SliceId).ToListAsync(cancellationToken);
        return predictions.Select(p => new PredictionResponse(p.SliceId, labels[p.Label], labels[p.Predicted], p.Probabilities)).ToList();
    }

    public async Task<IReadOnlyList<EpochResponse>> EpochsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EpochMetrics.AsNoTracking().VisibleTo(access)
            .Where(m => m.RunId == runId)
            .OrderBy(m => m.Epoch)
            .Select(m => new EpochResponse(m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.LearningRate, m.DurationSeconds))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The attribution request of the run's built-in saliency step, or null before training asked for it.</summary>
    public async Task<int?> SaliencyRequestIdAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AttributionRequests.AsNoTracking().VisibleTo(access)
            .Where(r => r.TrainingRunId == runId)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The maps of the run's built-in saliency step (its training's attribution request), by slice and method.</summary>
    public async Task<IReadOnlyList<SaliencyMapResponse>> SaliencyMapsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.AttributionRequests.AsNoTracking().VisibleTo(access)
            .Where(r => r.TrainingRunId == runId)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.MapIds })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return [];
        }
        var maps = await db.StoredAttributions.AsNoTracking()
            .Where(m => request.MapIds.Contains(m.Id) && m.RunId == runId)
            .OrderBy(m => m.SliceId).ThenBy(m => m.Method)
            .ToListAsync(cancellationToken);
        return maps.Select(m => new SaliencyMapResponse(m.Id, m.SliceId, m.Method, m.Target, AttributionMapUrls.Overlay(m.Id), m.DurationSeconds, request.Id))
            .ToList();
    }

    /// <summary>Whether the run exists in one of the caller's teams.</summary>
    public async Task<bool> ExistsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Runs.VisibleTo(access).AnyAsync(r => r.Id == runId, cancellationToken);
    }

    private async Task<TrainingRun> FindAsync(XaiLabDbContext db, int runId, CancellationToken cancellationToken)
    {
        return await db.Runs.VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Run {runId} does not exist.");
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static StoredEvaluation? ReadEvaluation(TrainingRun run) =>
        StoredEvaluation.FromJson(run.EvaluationJson);

    private static RunResponse ToResponse(TrainingRun run)
    {
        var evaluation = ReadEvaluation(run);
        return new RunResponse(
            run.Id,
            run.DatasetId,
            run.Architecture,
            run.Status,
            run.Progress,
            run.Epochs,
            run.CompletedEpochs,
            run.ImageSize,
            run.BatchSize,
            run.LearningRate,
            run.Seed,
            run.Device,
            evaluation is null ? null : new RunMetricsResponse(evaluation.Accuracy, evaluation.MacroF1, evaluation.WeightedF1),
            evaluation is null ? null : new ConfusionMatrixResponse(evaluation.Labels, evaluation.ConfusionMatrix),
            run.Error,
            run.CreatedAt,
            run.StartedAt,
            run.FinishedAt,
            ReadConfig(run) is { } config ? RunConfigResponse.From(config) : null,
            evaluation?.ToClassMetricsResponses(),
            evaluation?.ToAucResponse(),
            evaluation?.MacroF1,
            RunTags.Split(run.Tags),
            run.Notes,
            run.Attempt,
            run.EnvironmentJson is null ? null : JsonSerializer.Deserialize<JsonElement>(run.EnvironmentJson),
            run.ExecutedBy);
    }

    /// <summary>The stored config of a run, null for runs created before configs were stored.</summary>
    public static RunConfig? ReadConfig(TrainingRun run) => StoredRunConfig.Read(run.ConfigJson);
}
