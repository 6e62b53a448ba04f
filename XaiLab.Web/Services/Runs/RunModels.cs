using XaiLab.Data.Entities;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Web.Services.Runs;

/// <summary>
/// The network of a run exactly as its training starts: architecture, head from the run's config, and initial weights
/// drawn after seeding torch with the run's seed — so "initial weights" are the same for training and for embeddings.
/// </summary>
public static class RunModels
{
    public static ClassifierModel CreateInitial(TrainingRun run, int classes)
    {
        ArgumentNullException.ThrowIfNull(run);
        var config = RunService.ReadConfig(run);
        var head = config is null ? HeadKind.GlobalAveragePool : RunConfigFactory.ToHead(config);
        manual_seed(run.Seed);
        return ModelFactory.Create(new ModelSpec(ArchitectureNames.Parse(run.Architecture), 1, classes, run.ImageSize, head));
    }
}
