using System.Diagnostics;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Data.Executions;
using XaiLab.Engine.Runtime.Processes;
using XaiLab.Web.Jobs.Execution;

namespace XaiLab.Web.Compute;

/// <summary>
/// On a web node: starts <see cref="ComputeOptions.LocalWorkers"/> worker processes, restarts each one when it dies
/// (after recording the death on the jobs it held, see <see cref="WorkerDeaths"/>), and stops them with the node
/// (SIGTERM, then SIGKILL after <see cref="ComputeOptions.WorkerStopSeconds"/>). A worker that dies within seconds of
/// its start is restarted with a growing delay (1 s doubling to 30 s), so a broken installation never spins.
/// </summary>
public sealed class LocalWorkerSupervisor(
    IOptions<ComputeOptions> options,
    DataDirectory data,
    IConfiguration configuration,
    IHostEnvironment environment,
    WorkerDeaths deaths,
    ComputeNodeStore nodes,
    ILogger<LocalWorkerSupervisor> logger) : BackgroundService
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, Process> running = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(1, Math.Max(0, options.Value.LocalWorkers)).Select(i => SuperviseAsync(i, stoppingToken)));

    private async Task SuperviseAsync(int number, CancellationToken stoppingToken)
    {
        var dataDirectory = data.Path;
        var delay = TimeSpan.FromSeconds(1);
        for (var incarnation = 1; !stoppingToken.IsCancellationRequested; incarnation++)
        {
            var name = $"{Environment.MachineName}:{Environment.ProcessId}:worker-{number}.{incarnation}";
            var start = WorkerCommand.Create(name, Environment.ProcessId, dataDirectory, configuration, environment);
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                logger.LogError(e, "Could not start worker {Name}; trying again in {Delay}", name, delay);
                await DelayAsync(delay, stoppingToken);
                delay = Grow(delay);
                continue;
            }
            var prefix = $"[worker-{number}] ";
            process.OutputDataReceived += (_, line) => { if (line.Data is not null) Console.Out.WriteLine(prefix + line.Data); };
            process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine(prefix + line.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            lock (gate) running[number] = process;
            logger.LogInformation("Started worker {Name} (process {Pid})", name, process.Id);
            var started = Stopwatch.StartNew();

            using (stoppingToken.Register(() => Stop(process)))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }
            var exitCode = process.ExitCode;
            lock (gate) running.Remove(number);
            process.Dispose();
            if (stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Worker {Name} stopped ({Exit})", name, ProcessExit.Describe(exitCode));
                break;
            }

            var death = ProcessExit.Describe(exitCode);
            logger.LogError("Worker {Name} {Death} after {Seconds:F0} s; restarting it", name, death, started.Elapsed.TotalSeconds);
            try
            {
                await deaths.HandleAsync(name, death, ProcessExit.Hint(exitCode), atStartup: false, CancellationToken.None);
                await nodes.RemoveAsync(name, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not record the death of worker {Name}", name);
            }
            delay = started.Elapsed < TimeSpan.FromSeconds(10) ? Grow(delay) : TimeSpan.FromSeconds(1);
            await DelayAsync(delay, stoppingToken);
        }
    }

    private void Stop(Process process)
    {
        try
        {
            if (process.HasExited) return;
            // SIGTERM: the worker's host stops its job servers, whose jobs end their current step cleanly.
            ProcessSignals.Send(process.Id, ProcessSignals.Terminate);
            _ = Task.Run(async () =>
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.WorkerStopSeconds));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                }
                catch (InvalidOperationException)
                {
                    // Disposed: it exited.
                }
            });
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Wait for the workers themselves, so their jobs' last writes land before the node is gone.
        Process[] alive;
        lock (gate) alive = [.. running.Values];
        foreach (var process in alive)
        {
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // Host timeout or already disposed.
            }
        }
    }

    private static TimeSpan Grow(TimeSpan delay) => TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
