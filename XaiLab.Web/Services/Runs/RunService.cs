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
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Services.Runs;

/// <summary>Launches, cancels and reads training runs; shared by the pages and the API.</summary>
public sealed class RunService(
    IDbContextFactory<XaiLabDbContext> contextFactory,
    IBackgroundJobClient jobs,
    RunCancellationRegistry cancellations,
    RunProgressNotifier notifier,
    TimeProvider time)
{
    public async Task<int> CreateAsync(CreateRunRequest request, CancellationToken cancellationToken = default)
    {
        var architecture = ArchitectureNames.TryParse(request.Architecture ?? RunDefaults.Architecture, out var parsed)
            ? parsed
            : throw new RequestValidationException(
                $"Unknown architecture '{request.Architecture}'. Valid: {string.Join(", ", ArchitectureNames.All.Values)}.");
        var epochs = request.Epochs ?? RunDefaults.Epochs;
        var imageSize = request.ImageSize ?? RunDefaults.ImageSize;
        var batchSize = request.BatchSize ?? RunDefaults.BatchSize;
        var learningRate = request.LearningRate ?? RunDefaults.LearningRate;
        var device = (request.Device ?? RunDefaults.Device).Trim().ToLowerInvariant();
        if (epochs is < 1 or > 1000) throw new RequestValidationException("epochs must be between 1 and 1000.");
        if (imageSize is < 16 or > 1024) throw new RequestValidationException("imageSize must be between 16 and 1024.");
        if (batchSize is < 1 or > 4096) throw new RequestValidationException("batchSize must be between 1 and 4096.");
        if (learningRate is <= 0 or > 10 || double.IsNaN(learningRate)) throw new RequestValidationException("learningRate must be in (0, 10].");
        if (device is not ("auto" or "cpu" or "cuda")) throw new RequestValidationException("device must be auto, cpu or cuda.");
        if (device == "cuda" && !TorchRuntime.CudaAvailable) throw new RequestValidationException("device cuda was asked for, but this server has no CUDA device.", conflict: true);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.DatasetId, cancellationToken)
            ?? throw new RequestValidationException($"Dataset {request.DatasetId} does not exist.");
        if (dataset.Status != DatasetStatus.Ready)
        {
            throw new RequestValidationException($"Dataset {dataset.Id} is {dataset.Status.ToString().ToLowerInvariant()}, not ready.", conflict: true);
        }

        var run = new TrainingRun
        {
            TeamId = dataset.TeamId,
            DatasetId = dataset.Id,
            Architecture = architecture.ToApiName(),
            Status = RunStatus.Queued,
            Epochs = epochs,
            ImageSize = imageSize,
            BatchSize = batchSize,
            LearningRate = learningRate,
            Seed = request.Seed ?? RunDefaults.Seed,
            Device = device,
            CreatedAt = time.GetUtcNow(),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        run.HangfireJobId = Enqueue(run.Id, device);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>Enqueues the training job on the queue its device asks for.</summary>
    public string Enqueue(int runId, string device)
    {
        var queue = device == "cuda" || (device == "auto" && TorchRuntime.CudaAvailable) ? JobQueues.Gpu : JobQueues.Cpu;
        return jobs.Create<TrainingJob>(job => job.RunAsync(runId, CancellationToken.None), new EnqueuedState(queue));
    }

    /// <summary>Cancels a queued or running run; false when it had already finished.</summary>
    public async Task<bool> CancelAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new RequestValidationException($"Run {runId} does not exist.");
        if (run.Status is not (RunStatus.Queued or RunStatus.Running))
        {
            return false;
        }
        if (run.Status == RunStatus.Queued || !cancellations.Cancel(runId))
        {
            // Not executing here: mark it, and the executor (or a later start) sees the status and stops.
            run.Status = RunStatus.Cancelled;
            run.FinishedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            if (run.HangfireJobId is not null)
            {
                jobs.Delete(run.HangfireJobId);
            }
            notifier.Publish(new RunProgress(run.Id, RunStatus.Cancelled, run.Progress, "cancelled", run.CompletedEpochs, run.Epochs, 0, 0, null, null));
        }
        return true;
    }

    public async Task<RunResponse?> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is null ? null : ToResponse(run);
    }

    public async Task<IReadOnlyList<RunResponse>> ListAsync(int? datasetId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Runs.AsNoTracking();
        if (datasetId is not null)
        {
            query = query.Where(r => r.DatasetId == datasetId);
        }
        var runs = await query.OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return runs.Select(ToResponse).ToList();
    }

    public async Task<IReadOnlyList<EpochResponse>> EpochsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EpochMetrics.AsNoTracking()
            .Where(m => m.RunId == runId)
            .OrderBy(m => m.Epoch)
            .Select(m => new EpochResponse(m.Epoch, m.TrainLoss, m.TrainAccuracy, m.ValidationLoss, m.ValidationAccuracy, m.LearningRate, m.DurationSeconds))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SaliencyMapResponse>> SaliencyMapsAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var maps = await db.SaliencyMaps.AsNoTracking()
            .Where(m => m.RunId == runId)
            .OrderBy(m => m.SliceId).ThenBy(m => m.Method)
            .ToListAsync(cancellationToken);
        return maps.Select(m => new SaliencyMapResponse(m.Id, m.SliceId, m.Method, m.Target, $"/api/saliency/{m.Id}/overlay.png", m.DurationSeconds)).ToList();
    }

    public static StoredEvaluation? ReadEvaluation(TrainingRun run) =>
        run.EvaluationJson is null ? null : JsonSerializer.Deserialize<StoredEvaluation>(run.EvaluationJson);

    private static RunResponse ToResponse(TrainingRun run)
    {
        var evaluation = ReadEvaluation(run);
        return new RunResponse(
            run.Id,
            run.DatasetId,
            run.Architecture,
            run.Status.ToString().ToLowerInvariant(),
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
            run.FinishedAt);
    }
}
