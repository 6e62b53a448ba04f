using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Web.Jobs.Artifacts;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Runs;

/// <summary>
/// A run's trained weights as a PyTorch state dict (.pt or .safetensors), in XaiLab's names or torchvision's, for the
/// caller's teams: what <c>GET /api/runs/{id}/weights.{pt|safetensors}</c> serves.
/// </summary>
public sealed class RunWeights(IDbContextFactory<XaiLabDbContext> contexts, ComputedArtifacts artifacts, TeamAccess access)
{
    /// <summary>The file, or null when the run is not the caller's or has no checkpoint yet.</summary>
    /// <exception cref="RequestValidationException">Torchvision naming for an architecture torchvision lacks.</exception>
    public async Task<RunWeightsFile?> ExportAsync(int runId, WeightFormat format, StateDictNaming naming, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().VisibleTo(access).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run?.CheckpointPath is null) return null;
        var architecture = ArchitectureNames.Parse(run.Architecture);
        if (naming == StateDictNaming.Torchvision && !TorchvisionNames.Supports(architecture))
        {
            throw new RequestValidationException(
                $"torchvision has no {run.Architecture}; download its weights with naming=xailab.");
        }
        // Converted by a worker (the web loads no libtorch), once per checkpoint, format and naming.
        var extension = format == WeightFormat.Safetensors ? "safetensors" : "pt";
        var checkpoint = Path.GetFileNameWithoutExtension(run.CheckpointPath);
        // "-card": safetensors files carry the model card's preprocessing in their header (files cached before did not).
        var card = format == WeightFormat.Safetensors ? "-card" : string.Empty;
        var path = $"runs/{run.Id}/exports/{checkpoint}-{naming.ToString().ToLowerInvariant()}{card}.{extension}";
        var content = await artifacts.GetAsync(path, job => job.ExportWeightsAsync(run.Id, format, naming, path, CancellationToken.None), cancellationToken);
        var suffix = naming == StateDictNaming.Torchvision ? "-torchvision" : string.Empty;
        return new RunWeightsFile(content, $"run-{run.Id}-{run.Architecture}{suffix}.{extension}");
    }
}
