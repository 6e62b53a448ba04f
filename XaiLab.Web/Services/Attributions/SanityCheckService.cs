using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Jobs.Attributions;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// Requests and reads the cascading model-randomisation check of a run's methods (<see cref="SanityCheckJob"/>); one
/// check per run at a time, the latest kept.
/// </summary>
public sealed class SanityCheckService(
    IDbContextFactory<XaiLabDbContext> contexts,
    SanityCheckStore checks,
    IBackgroundJobClient jobs,
    IOptions<SanityCheckOptions> options,
    TimeProvider time,
    TeamAccess access,
    IAuditLog audit)
{
    /// <summary>The latest check of a run of the caller's teams; null for other runs.</summary>
    public async Task<SanityCheckResponse?> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Runs.VisibleTo(access).AnyAsync(r => r.Id == runId, cancellationToken))
            {
                return null;
            }
        }
        return await checks.ReadAsync(runId, cancellationToken);
    }

    /// <summary>Queues a check; null when the run does not exist.</summary>
    public async Task<SanityCheckResponse?> RequestAsync(int runId, CreateSanityCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        access.RequireWriter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }
        if (run.Status != RunStatus.Succeeded || run.CheckpointPath is null)
        {
            throw new RequestValidationException($"Run {runId} has no trained weights to randomise.", conflict: true);
        }
        if (await checks.ReadAsync(runId, cancellationToken) is { Status: SanityCheckStatus.Queued or SanityCheckStatus.Running })
        {
            throw new RequestValidationException($"A sanity check of run {runId} is already under way.", conflict: true);
        }
        var stored = await db.StoredAttributions.AsNoTracking().Where(a => a.RunId == runId)
            .Select(a => new { a.Method, a.SliceId }).ToListAsync(cancellationToken);
        var methods = (request.Methods ?? stored.Select(a => a.Method).Distinct().Order(StringComparer.Ordinal).ToList())
            .Select(m => (m ?? string.Empty).Trim().ToLowerInvariant()).Distinct().ToList();
        if (methods.Count == 0)
        {
            throw new RequestValidationException("methods must name at least one attribution method (the run has no maps yet).");
        }
        foreach (var method in methods)
        {
            try
            {
                AttributionMethods.Create(method);
            }
            catch (ArgumentException e)
            {
                throw new RequestValidationException(e.Message);
            }
        }
        ApiLimits.Count(request.SliceIds, "sliceIds", ApiLimits.MaxSliceIds);
        var slices = request.SliceIds is { Count: > 0 } picks ? picks.Distinct().ToList()
            : stored.Select(a => a.SliceId).Distinct().Order().Take(Math.Max(1, options.Value.Slices)).ToList();
        if (slices.Count == 0)
        {
            slices = await db.Slices.AsNoTracking().Where(s => s.DatasetId == run.DatasetId && s.Split == SplitPart.Test)
                .OrderBy(s => s.Index).Select(s => s.Id).Take(Math.Max(1, options.Value.Slices)).ToListAsync(cancellationToken);
        }
        var known = await db.Slices.AsNoTracking().Where(s => slices.Contains(s.Id) && s.DatasetId == run.DatasetId).CountAsync(cancellationToken);
        if (known != slices.Count || slices.Count == 0)
        {
            throw new RequestValidationException($"Every slice must belong to the dataset of run {runId}.");
        }
        var check = new SanityCheckResponse(runId, SanityCheckStatus.Queued, null, methods, slices, options.Value.FlagRankCorrelation, [], time.GetUtcNow());
        await checks.WriteAsync(check, cancellationToken);
        jobs.Enqueue<SanityCheckJob>(job => job.RunAsync(runId, CancellationToken.None));
        await audit.RecordAsync(AuditActions.SanityCheckRequest, "run", runId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(",", methods), cancellationToken);
        return check;
    }
}
