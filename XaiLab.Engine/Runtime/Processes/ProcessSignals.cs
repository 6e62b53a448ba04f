using System.Runtime.InteropServices;

namespace XaiLab.Engine.Runtime.Processes;

/// <summary>POSIX signals to processes (Linux and macOS): SIGTERM for a graceful stop, a real fault for tests.</summary>
public static partial class ProcessSignals
{
    public const int Terminate = 15;
    public const int Kill = 9;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false where it could not (or on Windows).</summary>
    public static bool Send(int processId, int signal) =>
        !OperatingSystem.IsWindows() && SendSignal(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
