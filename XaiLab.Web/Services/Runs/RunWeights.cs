using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Engine.Training;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Runs;

/// <summary>
/// A run's trained weights as a PyTorch state dict (.pt or .safetensors), in XaiLab's names or torchvision's, for the
/// caller's teams: what <c>GET /api/runs/{id}/weights.{pt|safetensors}</c> serves.
/// </summary>
public sealed class RunWeights(IDbContextFactory<XaiLabDbContext> contexts, ArtifactStore store, TeamAccess access)
{
    /// <summary>The file, or null when the run is not the caller's or has no checkpoint yet.</summary>
    /// <exception cref="RequestValidationException">Torchvision naming for an architecture torchvision lacks.</exception>
    public async Task<RunWeightsFile?> ExportAsync(int runId, WeightFormat format, StateDictNaming naming, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teams = access.ReadableTeams;
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && teams.Contains(r.TeamId), cancellationToken);
        if (run?.CheckpointPath is null) return null;
        var architecture = ArchitectureNames.Parse(run.Architecture);
        if (naming == StateDictNaming.Torchvision && !TorchvisionNames.Supports(architecture))
        {
            throw new RequestValidationException(
                $"torchvision has no {run.Architecture}; download its weights with naming=xailab.");
        }
        var classes = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.ClassNames.Count).FirstAsync(cancellationToken);
        var state = TrainingCheckpoint.FromBytes(await store.ReadAsync(run.CheckpointPath, cancellationToken)).ModelState;

        using var model = RunModels.CreateTrained(run, classes, state);
        using var content = new MemoryStream();
        StateDictExchange.Export(model, content, format, naming);
        var extension = format == WeightFormat.Safetensors ? "safetensors" : "pt";
        var suffix = naming == StateDictNaming.Torchvision ? "-torchvision" : string.Empty;
        return new RunWeightsFile(content.ToArray(), $"run-{run.Id}-{run.Architecture}{suffix}.{extension}");
    }
}
