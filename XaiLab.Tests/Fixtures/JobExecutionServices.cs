using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using XaiLab.Data.Executions;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs.Execution;
using XaiLab.Web.Services.Deletion;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Tests.Fixtures;

/// <summary>The job-execution services pages and application services use (cancel, worker capabilities), for bUnit contexts.</summary>
public static class JobExecutionServices
{
    public static IServiceCollection AddJobExecutions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new NodeOptions { Name = "page-test" });
        services.TryAddSingleton<JobExecutionStore>();
        services.TryAddSingleton<ComputeNodeStore>();
        services.TryAddSingleton(FaultInjection.None);
        services.TryAddSingleton<JobExecutions>();
        services.AddLogging();
        services.AddOptions<XaiLab.Web.Jobs.JobsOptions>();
        services.TryAddSingleton<WorkerDeaths>();
        services.TryAddSingleton<SilentWorkers>();
        services.TryAddSingleton<ComputeNodesMonitor>();
        services.TryAddSingleton<XaiLab.Web.Services.Progress.JobProgressNotifier>();
        return services;
    }

    /// <summary>
    /// Deleting from a page (the dataset and run pages' Delete): the deletion services and the cancels they call, over
    /// the data folder <paramref name="folder"/>; what a context registered itself is kept.
    /// </summary>
    public static IServiceCollection AddDeletionFromPages(this IServiceCollection services, string folder)
    {
        services.AddJobExecutions();
        services.TryAddSingleton(new XaiLab.Data.Artifacts.ArtifactStore(Path.Combine(folder, "artifacts")));
        services.TryAddSingleton(new XaiLab.Data.DataDirectory(folder));
        services.TryAddSingleton<XaiLab.Web.Services.Datasets.DatasetUploadStore>();
        services.TryAddSingleton<XaiLab.Web.Services.Progress.DatasetProgressNotifier>();
        services.TryAddSingleton<XaiLab.Web.Services.Progress.RunProgressNotifier>();
        services.TryAddScoped<XaiLab.Web.Services.Datasets.DatasetImportService>();
        services.TryAddScoped<XaiLab.Web.Services.Runs.RunService>();
        services.TryAddScoped<XaiLab.Web.Services.Attributions.AttributionService>();
        services.TryAddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddDeletion();
        return services;
    }
}
