using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Services.Progress;

public static class ProgressHostingExtensions
{
    /// <summary>
    /// Live progress to pages: the notifiers of runs, dataset imports and every other job, and on a web node the relay
    /// that brings the progress of jobs running on other nodes.
    /// </summary>
    public static IServiceCollection AddJobProgress(this IServiceCollection services, NodeRole role)
    {
        services.AddSingleton<RunProgressNotifier>();
        services.AddSingleton<DatasetProgressNotifier>();
        services.AddSingleton<JobProgressNotifier>();
        if (role == NodeRole.Web)
        {
            services.AddHostedService<JobProgressRelay>();
        }
        return services;
    }
}
