using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Engine.Imaging;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Attributions;
using XaiLab.Data.Executions;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Datasets;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>
/// Runs the queued sanity check of a run (<see cref="SanityCheckService"/>): for every method and slice the cascading
/// randomisation of the model's weights, then per method the mean rank correlation and SSIM of each step over slices and
/// the flag for maps that barely change. Takes only the run id; the check's methods and slices are in its stored record.
/// </summary>
public sealed class SanityCheckJob(
    IDbContextFactory<XaiLabDbContext> contexts,
    ArtifactStore store,
    SliceInputCache inputs,
    SanityCheckStore checks,
    JobExecutions executions,
    IOptions<SanityCheckOptions> options,
    TimeProvider time,
    ILogger<SanityCheckJob> logger)
{
    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        var check = await checks.ReadAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} has no queued sanity check.");
        if (check.Status is SanityCheckStatus.Succeeded or SanityCheckStatus.Failed)
        {
            return;
        }
        await using var execution = await executions.BeginAsync(JobKinds.SanityCheck, runId, cancellationToken);
        cancellationToken = execution.Token;
        check = check with { Status = SanityCheckStatus.Running, Methods = [], Error = null, UpdatedAt = time.GetUtcNow() };
        await checks.WriteAsync(check, cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
                ?? throw new InvalidOperationException($"Run {runId} no longer exists.");
            var slices = await db.Slices.AsNoTracking().Where(s => check.SliceIds.Contains(s.Id)).ToListAsync(cancellationToken);
            using var explainer = await RunExplainer.LoadAsync(run, contexts, store, inputs, cancellationToken);
            var results = new List<SanityCheckMethodResponse>();
            foreach (var method in check.RequestedMethods)
            {
                var cascades = new List<IReadOnlyList<RandomisationStep>>();
                foreach (var slice in slices)
                {
                    execution.Report($"randomising the weights for slice {slice.Id} with {method}");
                    var image = Png16Codec.Decode(await store.ReadAsync(slice.ImagePath, cancellationToken));
                    cascades.Add(explainer.Randomise(method, new AttributionOptions(), slice.Id, slice.Label, image,
                        options.Value.MaxSteps, options.Value.Seed, cancellationToken));
                }
                results.Add(Summarise(method, cascades, check.FlagRankCorrelation));
                check = check with { Methods = [.. results], UpdatedAt = time.GetUtcNow() };
                await checks.WriteAsync(check, cancellationToken);
            }
            check = check with { Status = SanityCheckStatus.Succeeded, UpdatedAt = time.GetUtcNow() };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sanity check of run {RunId} failed", runId);
            check = check with { Status = SanityCheckStatus.Failed, Error = e.Message, UpdatedAt = time.GetUtcNow() };
        }
        await checks.WriteAsync(check, CancellationToken.None);
    }

    /// <summary>Per step, the mean over slices (steps align: every slice runs the same cascade of the same model).</summary>
    internal static SanityCheckMethodResponse Summarise(string method, IReadOnlyList<IReadOnlyList<RandomisationStep>> cascades, double flagAt)
    {
        var count = cascades.Count == 0 ? 0 : cascades.Min(c => c.Count);
        var steps = Enumerable.Range(0, count).Select(i => new SanityCheckStepResponse(
            cascades[0][i].Layer,
            cascades[0][i].LayersRandomised,
            Mean(cascades.Select(c => c[i].RankCorrelation)),
            Mean(cascades.Select(c => c[i].Ssim)))).ToList();
        var final = steps.Count > 0 ? steps[^1] : null;
        return new SanityCheckMethodResponse(method, cascades.Count, steps, final?.RankCorrelation, final?.Ssim,
            final?.RankCorrelation >= flagAt);
    }

    /// <summary>The mean of the defined values (a constant map has no rank correlation); null when none is.</summary>
    private static double? Mean(IEnumerable<double> values)
    {
        var defined = values.Where(double.IsFinite).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
