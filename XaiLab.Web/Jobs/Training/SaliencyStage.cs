using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Jobs.Attributions;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// The training's built-in explanation step, as an ordinary attribution request: vanilla gradient and integrated
/// gradients (<see cref="IntegrationSteps"/> steps, zero baseline, as the paper) of the predicted class for
/// <see cref="SliceCount"/> test slices, one per class where possible. The request is marked as the run's
/// (<see cref="AttributionRequest.TrainingRunId"/>) and computed inside the training job by <see cref="AttributionJob"/>'s
/// code, so its maps are stored, cached, scored and shown like any other; a resumed run computes it again, reusing the
/// maps it stored before.
/// </summary>
public sealed class SaliencyStage(IDbContextFactory<XaiLabDbContext> contexts, AttributionJob attributions, TimeProvider time)
{
    /// <summary>How many test slices get maps. Default 3.</summary>
    public const int SliceCount = 3;

    /// <summary>Integration steps of integrated gradients: 25, the paper's.</summary>
    public const int IntegrationSteps = 25;

    /// <summary>The methods of the step, by API name.</summary>
    public static readonly IReadOnlyList<string> Methods = ["vanilla-gradient", "integrated-gradients"];

    public async Task RunAsync(TrainingRun run, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        int requestId;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.AttributionRequests.Where(r => r.TrainingRunId == run.Id)
                .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                requestId = id;
            }
            else
            {
                var request = await AddRequestAsync(db, run, time, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                requestId = request.Id;
            }
        }
        await attributions.ComputeWithinAsync(requestId, progress, cancellationToken);
    }

    /// <summary>
    /// Adds (unsaved) the queued request of a run's step: the run, the step's methods, and the chosen test slices — the
    /// first test slice of each class, then the next ones by index.
    /// </summary>
    public static async Task<AttributionRequest> AddRequestAsync(XaiLabDbContext db, TrainingRun run, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var candidates = await db.Slices.AsNoTracking()
            .Where(s => s.DatasetId == run.DatasetId && s.Split == SplitPart.Test)
            .OrderBy(s => s.Index)
            .Select(s => new { s.Id, s.Label })
            .ToListAsync(cancellationToken);
        var chosen = candidates.GroupBy(s => s.Label).Select(g => g.First())
            .Concat(candidates).DistinctBy(s => s.Id).Take(SliceCount).Select(s => s.Id).ToList();
        var request = new AttributionRequest
        {
            TeamId = run.TeamId,
            TrainingRunId = run.Id,
            RunIds = [run.Id],
            Methods = [.. Methods],
            SliceIds = chosen,
            Steps = IntegrationSteps,
            Status = AttributionRequestStatus.Queued,
            Total = Methods.Count * chosen.Count,
            CreatedAt = time.GetUtcNow(),
        };
        db.AttributionRequests.Add(request);
        return request;
    }
}
