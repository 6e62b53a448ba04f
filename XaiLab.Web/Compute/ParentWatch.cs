using Microsoft.Extensions.Options;
using XaiLab.Engine.Runtime.Processes;

namespace XaiLab.Web.Compute;

/// <summary>In a supervised worker: stops the worker when the web node that started it is gone (checked every 2 s).</summary>
public sealed class ParentWatch(IOptions<ComputeOptions> options, IHostApplicationLifetime lifetime, ILogger<ParentWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentProcessId is not { } parent)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!DotnetHost.IsAlive(parent))
            {
                logger.LogWarning("The web node (process {Pid}) that started this worker is gone; stopping", parent);
                lifetime.StopApplication();
                return;
            }
        }
    }
}
