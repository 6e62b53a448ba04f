using XaiLab.Data.Entities;
using XaiLab.Engine.Models;
using static TorchSharp.torch;
using XaiLab.Web.Services.Runs;

namespace XaiLab.Web.Jobs.Training;

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

    /// <summary>The run's network with the weights of a checkpoint's model state (<see
    /// cref="XaiLab.Engine.Training.TrainingCheckpoint.ModelState"/>).</summary>
    public static ClassifierModel CreateTrained(TrainingRun run, int classes, byte[] modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var model = CreateInitial(run, classes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(modelState));
            model.load(reader);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
