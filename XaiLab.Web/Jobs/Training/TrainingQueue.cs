using Hangfire;
using Hangfire.States;

namespace XaiLab.Web.Jobs.Training;

/// <summary>Where a run's training job goes: the "gpu" queue for CUDA (asked for, or "auto" with a live CUDA worker), else "cpu".</summary>
public static class TrainingQueue
{
    public static string For(string device, bool cudaAvailable) =>
        device == "cuda" || (device == "auto" && cudaAvailable) ? JobQueues.Gpu : JobQueues.Cpu;

    /// <summary>Enqueues the run's training job; returns the Hangfire job id.</summary>
    public static string Enqueue(IBackgroundJobClient jobs, int runId, string device, bool cudaAvailable) =>
        jobs.Create<TrainingJob>(job => job.RunAsync(runId, CancellationToken.None), new EnqueuedState(For(device, cudaAvailable)));
}
