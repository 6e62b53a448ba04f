using XaiLab.Engine.Runtime.Cpu;
using XaiLab.Web.Services.Nodes;

namespace XaiLab.Web.Compute;

public static class ComputeHostingExtensions
{
    /// <summary>
    /// The process model (README, docs/deployment.md): a web node serves pages and the API and supervises its local
    /// workers; a worker (<c>--role worker</c>) runs the job servers. A process that computes applies the hardware guard
    /// first, before anything can load libtorch, and announces itself; a web node watches the live workers.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabCompute(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ComputeOptions.SectionName);
        builder.Services.AddOptions<ComputeOptions>().Bind(section)
            .Validate(o => o.LocalWorkers is >= 0 and <= 64, $"{ComputeOptions.SectionName}:LocalWorkers must be between 0 and 64.")
            .ValidateOnStart();
        var options = section.Get<ComputeOptions>() ?? new ComputeOptions();
        var node = NodeOptions.Read(builder.Configuration);
        var computes = node.Role == NodeRole.Worker || options.RunJobsInWebProcess;

        CpuIsaDecision? cpu = null;
        if (computes)
        {
            cpu = OneDnnIsaGuard.Apply(options.OneDnnMaxCpuIsa, ProbeCommand.ForAssembly(typeof(Program).Assembly.Location),
                options.ProbeCacheDirectory, Console.Out);
        }
        builder.Services.AddSingleton(new ComputeEnvironment(computes, cpu));
        builder.Services.AddSingleton<SilentWorkers>();
        builder.Services.AddSingleton<ComputeNodesMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ComputeNodesMonitor>());
        if (computes)
        {
            builder.Services.AddHostedService<ComputeNodeHeartbeat>();
        }
        if (node.Role == NodeRole.Worker)
        {
            builder.Services.AddHostedService<ParentWatch>();
        }
        else if (!options.RunJobsInWebProcess && options.LocalWorkers > 0)
        {
            builder.Services.AddHostedService<LocalWorkerSupervisor>();
        }
        return builder;
    }

    /// <summary>Whether this configuration makes the process run torch jobs (a worker, or the in-process mode).</summary>
    public static bool Computes(IConfiguration configuration) =>
        NodeOptions.Read(configuration).Role == NodeRole.Worker
        || (configuration.GetSection(ComputeOptions.SectionName).Get<ComputeOptions>()?.RunJobsInWebProcess ?? false);
}
