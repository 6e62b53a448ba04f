using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Data.Executions;
using XaiLab.Data.Leases;
using XaiLab.Engine.Runtime;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Compute;
using XaiLab.Engine.Training;
using XaiLab.Web.Services.Nodes;
using XaiLab.Web.Services.Progress;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// Trains one run: takes the run's lease (exactly one executor), resumes from the last stored epoch if there is one,
/// trains, evaluates on the test split and computes the run's built-in saliency maps. Takes only the run id.
/// </summary>
public sealed class TrainingJob(
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    RunLeaseStore leases,
    JobExecutions executions,
    RunSplitsLoader loader,
    RunEvaluationStage evaluation,
    SaliencyStage saliency,
    IOptions<JobsOptions> options,
    NodeOptions node,
    ComputeEnvironment compute,
    TimeProvider time,
    ILogger<TrainingJob> logger)
{
    private const int LogTailLength = 4000;
    private readonly string owner = $"{node.Name}:{Guid.NewGuid():N}";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int runId, CancellationToken jobCancellation)
    {
        var leaseDuration = TimeSpan.FromSeconds(options.Value.RunLeaseSeconds);
        if (!await AcquireLeaseAsync(runId, leaseDuration, jobCancellation))
        {
            logger.LogInformation("Run {RunId} is finished or held by another executor; nothing to do", runId);
            return;
        }

        var log = new List<string>();
        await using var execution = await executions.BeginAsync(JobKinds.Run, runId, jobCancellation);
        var publish = (RunProgress progress) => execution.Report(progress.Describe(), progress);
        if (execution.CrashesSoFar > 0 && await LastCrashAsync(runId) is { } crash)
        {
            log.Add($"Resumed after a worker died: {crash}");
        }
        try
        {
            await using var heartbeat = new LeaseHeartbeat(leases, runId, owner, leaseDuration, logger);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(execution.Token, heartbeat.LeaseLost);
            await ExecuteAsync(runId, log, publish, linked.Token);
        }
        catch (OperationCanceledException) when (execution.CancelledByUser && !jobCancellation.IsCancellationRequested)
        {
            await FinishAsync(runId, RunStatus.Cancelled, null, log, publish);
        }
        catch (OperationCanceledException) when (jobCancellation.IsCancellationRequested)
        {
            // Server shutting down or job deleted: the run stays "running" and resumes from its last epoch at the next start.
            logger.LogInformation("Run {RunId} interrupted by shutdown; it resumes at the next start", runId);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Run {RunId} stopped: its lease was lost to another executor", runId);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Run {RunId} failed", runId);
            log.Add(e.ToString());
            await FinishAsync(runId, RunStatus.Failed, e.Message, log, publish);
        }
        finally
        {
            await leases.ReleaseAsync(runId, owner, CancellationToken.None);
        }
    }

    private async Task<string?> LastCrashAsync(int runId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.JobExecutions.Where(e => e.Kind == JobKinds.Run && e.EntityId == runId).Select(e => e.LastCrash).FirstOrDefaultAsync();
    }

    private async Task<bool> AcquireLeaseAsync(int runId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        // A crashed executor's lease may still be running out: wait for it rather than giving up on the run.
        var deadline = time.GetUtcNow() + leaseDuration * 1.5;
        while (true)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var status = await db.Runs.Where(r => r.Id == runId).Select(r => (RunStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
                if (status is null or RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled)
                {
                    return false;
                }
            }
            if (await leases.TryAcquireAsync(runId, owner, leaseDuration, cancellationToken))
            {
                return true;
            }
            if (time.GetUtcNow() > deadline)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private async Task ExecuteAsync(int runId, List<string> log, Action<RunProgress> publish, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        TrainingRun run;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            run = await db.Runs.SingleAsync(r => r.Id == runId, cancellationToken);
            run.Status = RunStatus.Running;
            run.StartedAt ??= time.GetUtcNow();
            run.ExecutedBy = node.Name;
            // Epochs after the last checkpoint were never committed; nothing to clean beyond it.
            await db.SaveChangesAsync(cancellationToken);
        }
        publish(new RunProgress(runId, RunStatus.Running, run.Progress, RunStage.Training, run.CompletedEpochs, run.Epochs, 0, 0, null, null));

        using var data = await loader.LoadAsync(run, cancellationToken);
        var config = RunService.ReadConfig(run);
        using var network = RunNetworks.CreateInitial(run, data.ClassNames.Count);
        log.Add($"{data.Train.Count} training, {data.Validation?.Count ?? 0} validation, {data.Test.Count} test slices on {network.DeviceName}");

        TrainingCheckpoint? resume = null;
        if (run.CompletedEpochs > 0 && run.CheckpointPath is not null && store.Exists(run.CheckpointPath))
        {
            resume = TrainingCheckpoint.FromBytes(await store.ReadAsync(run.CheckpointPath, cancellationToken));
            log.Add($"Resuming after epoch {resume.Epoch} on {node.Name}");
        }

        if (resume is null || (resume.Epoch < run.Epochs && !resume.StoppedEarly))
        {
            var observer = new RunTrainingObserver(runId, owner, run.Epochs, (resume?.Epoch ?? 0) + 1, contexts, store, publish);
            var trainingOptions = config is null
                ? new TrainingOptions(run.Epochs, run.BatchSize, run.LearningRate, Seed: run.Seed, Device: run.Device)
                : RunConfigFactory.ToTrainingOptions(config);
            var outcome = network.Train(data.Train, data.Validation, trainingOptions, observer, cancellationToken, resume);
            if (outcome.StoppedEarly)
            {
                log.Add($"Early stopping after epoch {outcome.Final?.Epoch ?? resume?.Epoch}");
            }
        }
        else
        {
            network.LoadState(resume.ModelState);
        }

        publish(new RunProgress(runId, RunStatus.Running, RunTrainingObserver.TrainingShare, RunStage.Evaluating, run.Epochs, run.Epochs, 0, 0, null, null));
        await evaluation.RunAsync(run, network, data, cancellationToken);

        var explaining = new ImmediateProgress<double>(share => publish(new RunProgress(runId, RunStatus.Running,
            RunTrainingObserver.TrainingShare + 0.05 + 0.05 * share, RunStage.Explaining, run.Epochs, run.Epochs, 0, 0, null, null)));
        await saliency.RunAsync(run, explaining, cancellationToken);

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var stored = await db.Runs.SingleAsync(r => r.Id == runId, cancellationToken);
            var trainingSeconds = await db.EpochMetrics.Where(m => m.RunId == runId).SumAsync(m => m.DurationSeconds, cancellationToken);
            stored.EnvironmentJson = JsonSerializer.Serialize(new
            {
                seed = run.Seed,
                config,
                gitCommit = BuildInfo.GitCommit,
                torchSharp = TorchRuntime.TorchSharpVersion,
                torch = TorchRuntime.LibTorchVersion,
                trainingSeconds,
                attempt = run.Attempt,
                device = network.DeviceName,
                datasetVersion = (await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.VersionHash).FirstAsync(cancellationToken)),
                wallSecondsThisExecutor = wall.Elapsed.TotalSeconds,
                machine = Environment.MachineName,
                node = node.Name,
                cpu = compute.Cpu,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await FinishAsync(runId, RunStatus.Succeeded, null, log, publish);
    }

    private async Task FinishAsync(int runId, RunStatus status, string? error, List<string> log, Action<RunProgress> publish)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var run = await db.Runs.SingleAsync(r => r.Id == runId);
        run.Status = status;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow();
        if (status == RunStatus.Succeeded)
        {
            run.Progress = 1;
        }
        var tail = string.Join(Environment.NewLine, log);
        run.LogTail = tail.Length > LogTailLength ? tail[^LogTailLength..] : tail;
        await db.SaveChangesAsync();
        publish(new RunProgress(runId, status, run.Progress, RunStages.Of(status), run.CompletedEpochs, run.Epochs, 0, 0, null, null));
    }
}
