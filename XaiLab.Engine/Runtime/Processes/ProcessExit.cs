namespace XaiLab.Engine.Runtime.Processes;

/// <summary>Reads a child process's exit status as a person would say it: a code, or the signal that killed it.</summary>
public static class ProcessExit
{
    private static readonly Dictionary<int, string> SignalNames = new()
    {
        [1] = "SIGHUP", [2] = "SIGINT", [3] = "SIGQUIT", [4] = "SIGILL", [5] = "SIGTRAP", [6] = "SIGABRT", [7] = "SIGBUS",
        [8] = "SIGFPE", [9] = "SIGKILL", [11] = "SIGSEGV", [13] = "SIGPIPE", [14] = "SIGALRM", [15] = "SIGTERM",
    };

    /// <summary>
    /// The signal number of an exit status as .NET reports it on Linux and macOS (128 + signal for a process a signal
    /// ended, as shells do), or null for an ordinary exit code.
    /// </summary>
    public static int? Signal(int exitCode) => exitCode is > 128 and < 160 && !OperatingSystem.IsWindows() ? exitCode - 128 : null;

    /// <summary>The signal's name, e.g. "SIGKILL", or "signal 42" for one without a common name.</summary>
    public static string SignalName(int signal) => SignalNames.TryGetValue(signal, out var name) ? name : $"signal {signal}";

    /// <summary>e.g. "was killed by SIGFPE (signal 8)" or "exited with code 3".</summary>
    public static string Describe(int exitCode) => Signal(exitCode) is { } signal
        ? $"was killed by {SignalName(signal)} (signal {signal})"
        : $"exited with code {exitCode}";

    /// <summary>What a signal usually means here, for the person reading a failed job.</summary>
    public static string Hint(int exitCode) => Signal(exitCode) switch
    {
        9 => "SIGKILL usually means the machine ran out of memory (the kernel's OOM killer) or someone stopped the worker: try a smaller batch size or image size.",
        8 => "SIGFPE inside libtorch is a native arithmetic fault, e.g. oneDNN's on some CPUs: set XaiLab:Compute:OneDnnMaxCpuIsa to AVX (docs/deployment.md).",
        11 or 7 => "A segmentation fault inside native code: try another architecture or device, and report it with the run's environment record.",
        6 => "The native code aborted (an assertion in libtorch, or out of memory): the worker's log has the message.",
        _ => "The worker's log has the details.",
    };
}
