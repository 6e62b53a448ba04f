using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Data.Leases;
using XaiLab.Engine.Training;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// Turns training events into stored epochs and published progress. Per batch it only publishes, at most
/// <see cref="PublishInterval"/> apart; per epoch it writes the checkpoint file, then the epoch's metrics, the checkpoint
/// path and the run's progress in one transaction, so a resumed run never loses or repeats an epoch. The commit is fenced
/// by the run's lease: it only goes through while <paramref name="leaseOwner"/> still holds the run, so an executor
/// that lost its lease (e.g. during a database outage) can never store an epoch beside the new holder.
/// </summary>
public sealed class RunTrainingObserver(
    int runId,
    string leaseOwner,
    int epochs,
    int firstEpoch,
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    Action<RunProgress> publish) : ITrainingObserver
{
    /// <summary>Share of the overall progress bar given to training; evaluation and saliency take the rest.</summary>
    public const double TrainingShare = 0.9;

    private static readonly TimeSpan PublishInterval = TimeSpan.FromMilliseconds(250);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastPublish = -PublishInterval;
    private EpochResult? pendingEpoch;

    public void OnBatch(BatchProgress progress)
    {
        var now = clock.Elapsed;
        if (now - lastPublish < PublishInterval && progress.Batch != progress.BatchesPerEpoch)
        {
            return;
        }
        lastPublish = now;
        var done = (progress.Epoch - 1 + progress.Batch / (double)progress.BatchesPerEpoch) / epochs;
        var doneHere = done - (firstEpoch - 1) / (double)epochs;
        TimeSpan? eta = doneHere > 0.01 ? TimeSpan.FromSeconds(now.TotalSeconds / doneHere * (1 - done)) : null;
        publish(new RunProgress(runId, RunStatus.Running, done * TrainingShare, RunStage.Training,
            progress.Epoch, epochs, progress.Batch, progress.BatchesPerEpoch, progress.Loss, eta));
    }

    public void OnEpoch(EpochResult result) => pendingEpoch = result;

    public void OnCheckpoint(int epoch, byte[] checkpoint)
    {
        var result = pendingEpoch is { } pending && pending.Epoch == epoch
            ? pending
            : throw new InvalidOperationException($"Checkpoint of epoch {epoch} arrived without its metrics.");
        var path = CheckpointPath(runId, epoch);
        store.Write(path, checkpoint);

        string? previous = null;
        var progress = epoch / (double)epochs * TrainingShare;
        using (var strategyContext = contexts.CreateDbContext())
        {
            // PostgreSQL retries a failed command; our transaction is retried whole, each try on a fresh context.
            strategyContext.Database.CreateExecutionStrategy().Execute(() =>
            {
                using var db = contexts.CreateDbContext();
                using var transaction = db.Database.BeginTransaction();
                previous = db.Runs.Where(r => r.Id == runId).Select(r => r.CheckpointPath).Single();
                var fenced = db.Runs
                    .Where(r => r.Id == runId && r.LeaseOwner == leaseOwner)
                    .ExecuteUpdate(u => u
                        .SetProperty(r => r.CompletedEpochs, epoch)
                        .SetProperty(r => r.CheckpointPath, path)
                        .SetProperty(r => r.Progress, progress));
                if (fenced != 1)
                {
                    throw new LeaseLostException(runId, leaseOwner);
                }
                db.EpochMetrics.Add(new EpochMetric
                {
                    RunId = runId,
                    Epoch = epoch,
                    TrainLoss = result.TrainLoss,
                    TrainAccuracy = result.TrainAccuracy,
                    ValidationLoss = result.ValidationLoss,
                    ValidationAccuracy = result.ValidationAccuracy,
                    LearningRate = result.LearningRate,
                    DurationSeconds = result.Duration.TotalSeconds,
                });
                db.SaveChanges();
                transaction.Commit();
            });
        }

        if (previous is not null && previous != path && store.Exists(previous))
        {
            File.Delete(store.Resolve(previous));
        }
        publish(new RunProgress(runId, RunStatus.Running, progress, RunStage.Training, epoch, epochs, 0, 0, result.TrainLoss, null));
    }

    public static string CheckpointPath(int runId, int epoch) => $"runs/{runId}/checkpoint-epoch{epoch:D4}.bin";
}
