using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using XaiLab.Engine.Runtime.Processes;

namespace XaiLab.Engine.Runtime.Cpu;

/// <summary>
/// The hardware guard: before a process computes with libtorch, it learns whether this CPU survives the operations known
/// to fault (<see cref="OneDnnProbe"/>) by running them in a child process, and if the child dies it limits oneDNN to the
/// fastest instruction set that survived (<see cref="Fallbacks"/>) by setting <c>ONEDNN_MAX_CPU_ISA</c> in this process's
/// native environment — which oneDNN reads when it first dispatches, so <see cref="Apply"/> must run before any tensor
/// work. The verdict is cached per CPU fingerprint and TorchSharp version, so the probe costs its seconds once per machine.
/// </summary>
public static partial class OneDnnIsaGuard
{
    /// <summary>oneDNN's environment variable.</summary>
    public const string VariableName = "ONEDNN_MAX_CPU_ISA";

    /// <summary>
    /// The settings tried when the default dies, fastest first as measured on a Zen 5 VM training ResNet-50 at 224 px:
    /// AVX 2.92 images/s, SSE41 1.48 (AVX2 and AVX512_CORE still fault there).
    /// </summary>
    public static IReadOnlyList<string> Fallbacks { get; } = ["AVX", "SSE41"];

    /// <summary>How long one probe may take before it is stopped and counted as inconclusive. Default 180 s.</summary>
    public static TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(180);

    private static readonly Lock Gate = new();
    private static CpuIsaDecision? current;

    /// <summary>The decision applied in this process, or null before <see cref="Apply"/>.</summary>
    public static CpuIsaDecision? Current => current;

    /// <summary>
    /// In a program's Main: when the arguments ask for the probe, runs it and returns its exit code (the program then
    /// exits with it); otherwise null.
    /// </summary>
    public static int? RunProbeIfAsked(string[] args) => args.Contains(OneDnnProbe.Argument) ? OneDnnProbe.Run(Console.Out) : null;

    /// <summary>
    /// Decides and applies the oneDNN ISA for this process, once (later calls return the first decision).
    /// An explicit <c>ONEDNN_MAX_CPU_ISA</c> in the environment wins, then <paramref name="configured"/>
    /// (XaiLab:Compute:OneDnnMaxCpuIsa; "default" means oneDNN's own choice, no probe), then a cached verdict, then the probe.
    /// </summary>
    public static CpuIsaDecision Apply(string? configured, ProbeCommand probe, string? cacheDirectory = null, TextWriter? log = null)
    {
        lock (Gate)
        {
            return current ??= SetNative(Decide(Environment.GetEnvironmentVariable(VariableName), configured, probe,
                cacheDirectory ?? DefaultCacheDirectory(), log ?? TextWriter.Null, CpuInfo.Current));
        }
    }

    /// <summary>
    /// Decides without applying anything to this process (the testable core of <see cref="Apply"/>): the probes run in
    /// children, the verdict is read from and written to the cache.
    /// </summary>
    /// <param name="fromEnvironment">The <c>ONEDNN_MAX_CPU_ISA</c> this process was started with, if any.</param>
    public static CpuIsaDecision Decide(string? fromEnvironment, string? configured, ProbeCommand probe, string cacheDirectory, TextWriter log, CpuInfo cpu)
    {
        var flags = $"{cpu.BestSimd}{(cpu.HasBf16 ? ", bf16" : "")}";
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new CpuIsaDecision(fromEnvironment, "environment", $"{VariableName}={fromEnvironment} was set before start.", cpu.Model, flags);
        }
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var value = configured.Trim();
            return string.Equals(value, "default", StringComparison.OrdinalIgnoreCase)
                ? new CpuIsaDecision(null, "configuration", "XaiLab:Compute:OneDnnMaxCpuIsa=default: oneDNN's own choice, not probed.", cpu.Model, flags)
                : new CpuIsaDecision(value.ToUpperInvariant(), "configuration", $"XaiLab:Compute:OneDnnMaxCpuIsa={value}.", cpu.Model, flags);
        }

        var cacheFile = Path.Combine(cacheDirectory, $"onednn-isa-{cpu.Fingerprint}-torchsharp{TorchSharpVersion}.json");
        if (ReadCache(cacheFile) is { } cached)
        {
            return cached with { Source = "cache" };
        }

        var decision = Probe(probe, log, cpu, flags);
        WriteCache(cacheFile, decision);
        return decision;
    }

    private static CpuIsaDecision Probe(ProbeCommand probe, TextWriter log, CpuInfo cpu, string flags)
    {
        var first = RunProbe(probe, null, log);
        if (first.Passed)
        {
            return new CpuIsaDecision(null, "probe", "The probe's ResNet-50 training steps passed with oneDNN's own choice.", cpu.Model, flags);
        }
        var failures = new List<string> { $"the default {first.Description}" };
        foreach (var isa in Fallbacks)
        {
            var outcome = RunProbe(probe, isa, log);
            if (outcome.Passed)
            {
                return new CpuIsaDecision(isa, "probe",
                    $"The probe's ResNet-50 training steps died with oneDNN's own choice ({string.Join("; ", failures)}); {isa} passed.", cpu.Model, flags);
            }
            failures.Add($"{isa} {outcome.Description}");
        }
        var last = Fallbacks[^1];
        return new CpuIsaDecision(last, "probe",
            $"Every probe died ({string.Join("; ", failures)}); running with {last}, the most conservative setting.", cpu.Model, flags);
    }

    /// <summary>Runs one probe child with <paramref name="isa"/> (null: unset) and reads how it ended.</summary>
    public static ProbeOutcome RunProbe(ProbeCommand probe, string? isa, TextWriter log)
    {
        log.WriteLine($"Hardware guard: probing oneDNN with {VariableName}={isa ?? "(default)"}");
        using var process = Process.Start(probe.ToStartInfo(isa)) ?? throw new InvalidOperationException($"Could not start {probe.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ProbeTimeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            return new ProbeOutcome(false, $"timed out after {ProbeTimeout.TotalSeconds:F0} s");
        }
        process.WaitForExit();
        var lastStep = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        var passed = process.ExitCode == OneDnnProbe.Passed;
        var description = ProcessExit.Describe(process.ExitCode) + (passed || lastStep is null ? "" : $" during {lastStep}");
        log.WriteLine($"Hardware guard: the probe {description}");
        if (!passed && errors.Result.Length > 0) log.WriteLine(errors.Result.Trim());
        return new ProbeOutcome(passed, description);
    }

    private static CpuIsaDecision SetNative(CpuIsaDecision decision)
    {
        if (decision.OneDnnMaxCpuIsa is { } isa)
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                // .NET keeps its own copy of the environment on Unix; oneDNN reads the C library's.
                _ = SetEnv(VariableName, isa, 1);
            }
            // Child processes (workers, probes) inherit .NET's copy.
            Environment.SetEnvironmentVariable(VariableName, isa);
        }
        return decision;
    }

    private static string TorchSharpVersion => typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    private static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return !string.IsNullOrEmpty(xdg) ? Path.Combine(xdg, "xailab")
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache", "xailab")
            : Path.Combine(Path.GetTempPath(), "xailab-cache");
    }

    private static CpuIsaDecision? ReadCache(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<CpuIsaDecision>(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null; // an unreadable verdict is probed again
        }
    }

    private static void WriteCache(string path, CpuIsaDecision decision)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(decision));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No cache: the next process probes again.
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
