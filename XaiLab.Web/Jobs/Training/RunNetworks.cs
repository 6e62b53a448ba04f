using XaiLab.Data.Entities;
using XaiLab.Engine.Models;
using XaiLab.Engine.Networks;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Training;

/// <summary>
/// The network of a run exactly as its training starts: architecture, head from the run's config, and initial weights
/// drawn after seeding torch with the run's seed — so "initial weights" are the same for training and for embeddings.
/// </summary>
public static class RunNetworks
{
    public static NetworkSpec Spec(TrainingRun run, int classes)
    {
        ArgumentNullException.ThrowIfNull(run);
        var config = RunService.ReadConfig(run);
        var head = config is null ? HeadKind.GlobalAveragePool : RunConfigFactory.ToHead(config);
        return new NetworkSpec(run.Architecture, classes, run.ImageSize, head, run.Seed, run.Device);
    }

    public static Network CreateInitial(TrainingRun run, int classes) => Network.CreateInitial(Spec(run, classes));

    /// <summary>The run's network with the weights of a checkpoint's model state (<see
    /// cref="XaiLab.Engine.Training.TrainingCheckpoint.ModelState"/>).</summary>
    public static Network CreateTrained(TrainingRun run, int classes, byte[] modelState) => Network.CreateTrained(Spec(run, classes), modelState);
}
