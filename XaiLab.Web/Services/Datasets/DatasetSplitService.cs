using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets.Splits;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Datasets;

/// <summary>Re-splits a ready dataset and reports leakage (patients shared across splits) of its persisted split.</summary>
public sealed class DatasetSplitService(IDbContextFactory<XaiLabDbContext> contexts, TeamAccess access, IAuditLog audit)
{
    /// <summary>The leakage report of the persisted split; null when the dataset does not exist.</summary>
    public async Task<LeakageResponse?> LeakageAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null)
        {
            return null;
        }
        var assignments = (await db.Slices.Where(s => s.DatasetId == datasetId)
                .Select(s => new { s.Index, s.Label, s.PatientId, s.Split })
                .ToListAsync(cancellationToken))
            .Select(s => new SplitAssignment(s.Index, s.Label.ToString(), s.PatientId, DatasetSplitParts.ToSplit(s.Split)));
        return ToResponse(dataset.SplitPreset, dataset.SplitSeed, LeakageReport.For(assignments));
    }

    /// <summary>
    /// Replaces the split of a ready dataset that no run has used: by a preset (patient-grouped as well as the patients
    /// allow, or the paper's random slices) or by hand (<see cref="ResplitRequest.Assignments"/>).
    /// </summary>
    public async Task<SplitResponse> ResplitAsync(int datasetId, ResplitRequest request, CancellationToken cancellationToken = default)
    {
        access.RequireWriter();
        var preset = request.Assignments is not null ? DatasetSplitPreset.Manual : DatasetApiNames.ParsePreset(request.Preset);
        if (request.Assignments is not null && request.Preset is { Length: > 0 } named && DatasetApiNames.ParsePreset(named) != DatasetSplitPreset.Manual)
        {
            throw new RequestValidationException($"assignments make a manual split; preset '{named}' cannot go with them.");
        }
        if (request.Assignments is null && preset == DatasetSplitPreset.Manual)
        {
            throw new RequestValidationException("A manual split needs assignments: [{\"patientId\", \"split\"}, …].");
        }
        var train = request.Train ?? SplitRatios.Default.Train;
        var validation = request.Validation ?? SplitRatios.Default.Validation;
        var ratios = new SplitRatios(train, validation, Math.Max(0, 1 - train - validation));
        try
        {
            ratios.Validate();
        }
        catch (ArgumentException e)
        {
            throw new RequestValidationException(e.Message);
        }
        if (train + validation > 1 + 1e-9)
        {
            throw new RequestValidationException($"train ({train}) and validation ({validation}) must not add up to more than 1.");
        }
        var seed = request.Seed ?? 1;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.VisibleTo(access).FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw RequestValidationException.NotFound($"Dataset {datasetId} does not exist.");
        if (dataset.Status != DatasetStatus.Ready)
        {
            throw new RequestValidationException($"Dataset {datasetId} is {dataset.Status.ToString().ToLowerInvariant()}; only a ready dataset can be re-split.", conflict: true);
        }
        var runs = await db.Runs.CountAsync(r => r.DatasetId == datasetId, cancellationToken);
        if (runs > 0)
        {
            throw new RequestValidationException(
                $"Dataset {datasetId} has {runs} run(s) trained on its current split; re-splitting would make their test scores meaningless.", conflict: true);
        }

        var slices = await db.Slices.Where(s => s.DatasetId == datasetId)
            .Select(s => new { s.Index, s.Label, s.PatientId })
            .ToListAsync(cancellationToken);
        var labels = slices.Select(s => new SliceLabel(s.Index, s.Label.ToString(), s.PatientId)).ToList();
        var result = preset switch
        {
            DatasetSplitPreset.Manual => ManualSplit(labels, request.Assignments!),
            DatasetSplitPreset.PaperRandom => PatientGroupedSplitter.Split(labels, SplitPreset.PaperRandom, ratios, seed),
            _ => PatientGroupedSplitter.SplitAsPatientsAllow(labels, ratios, seed),
        };

        // PostgreSQL retries failed commands; a transaction of ours must be retried whole, through the strategy.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var part in Enum.GetValues<SplitPart>())
            {
                var indices = result.Assignments.Where(a => DatasetSplitParts.ToPart(a.Split) == part).Select(a => a.SliceIndex).ToList();
                await db.Slices.Where(s => s.DatasetId == datasetId && indices.Contains(s.Index))
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Split, part), cancellationToken);
            }
            dataset.SplitPreset = preset;
            dataset.SplitSeed = seed;
            // The split's warnings replace the last split's; what the import left out stays.
            dataset.Warnings = [.. result.Warnings];
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        await audit.RecordAsync(AuditActions.DatasetResplit, "dataset", datasetId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{DatasetApiNames.Name(preset)}, seed {seed}", cancellationToken);

        var counts = new SplitCountsResponse(result.Count(DatasetSplit.Train), result.Count(DatasetSplit.Validation), result.Count(DatasetSplit.Test),
            result.Count(DatasetSplit.Unassigned));
        return new SplitResponse(counts, result.Warnings, ToResponse(preset, seed, LeakageReport.For(result.Assignments)));
    }

    private static LeakageResponse ToResponse(DatasetSplitPreset preset, int seed, LeakageReport report) =>
        new(
            DatasetApiNames.Name(preset),
            seed,
            report.HasLeakage,
            report.LeakedSliceCount,
            report.SharedPatients
                .Select(p => new SharedPatientResponse(p.PatientId, p.Splits.Select(s => DatasetApiNames.Name(DatasetSplitParts.ToPart(s))).ToList(), p.SliceCount))
                .ToList(),
            preset == DatasetSplitPreset.PaperRandom ? PatientGroupedSplitter.LeakageWarning : null);

    /// <summary>A hand-made split: every listed patient's slices to its split, the others unassigned.</summary>
    /// <exception cref="RequestValidationException">An unknown split name, a patient the dataset does not have, or a patient listed twice.</exception>
    private static SplitResult ManualSplit(IReadOnlyList<SliceLabel> slices, IReadOnlyList<PatientAssignmentRequest> assignments)
    {
        var known = slices.Select(s => s.PatientId).ToHashSet(StringComparer.Ordinal);
        var parts = new Dictionary<string, DatasetSplit>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            if (assignment is null || string.IsNullOrEmpty(assignment.PatientId))
            {
                throw new RequestValidationException("Every assignment needs a patientId.");
            }
            if (!known.Contains(assignment.PatientId))
            {
                throw new RequestValidationException($"Patient '{assignment.PatientId}' is not in this dataset.");
            }
            if (!parts.TryAdd(assignment.PatientId, DatasetSplitParts.ToSplit(DatasetApiNames.ParseSplit(assignment.Split ?? ""))))
            {
                throw new RequestValidationException($"Patient '{assignment.PatientId}' is assigned twice.");
            }
        }
        var result = slices.Select(s => new SplitAssignment(s.SliceIndex, s.ClassLabel, s.PatientId,
            parts.GetValueOrDefault(s.PatientId, DatasetSplit.Unassigned))).ToList();
        var warnings = new List<string>();
        var left = known.Count - parts.Count(p => p.Value != DatasetSplit.Unassigned);
        if (left > 0)
        {
            warnings.Add($"{left} of {known.Count} patients are in no split (unassigned).");
        }
        if (!result.Any(a => a.Split == DatasetSplit.Train) || !result.Any(a => a.Split == DatasetSplit.Test))
        {
            warnings.Add("The split has no training or no test slices: runs cannot be launched on it.");
        }
        return new SplitResult(result, SplitPreset.PatientGrouped, 0, warnings);
    }
}
