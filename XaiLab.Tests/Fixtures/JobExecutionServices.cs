using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using XaiLab.Data.Executions;
using XaiLab.Web.Compute;
using XaiLab.Web.Jobs.Execution;
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
}
