using System.Runtime.InteropServices;

namespace XaiLab.Engine.Runtime;

/// <summary>
/// libtorch's CPU kernels run on GNU OpenMP, whose idle threads spin by default. On a machine whose cores are shared
/// with other busy processes a spinning thread burns the time slice its partner needs, and a parallel region can take
/// tens of times its CPU cost (measured here: DenseNet121 forward at 64 px, 2 threads, load 30: 770 CPU-ms per image
/// spinning, 27 with one thread, about 50 passive; see docs/performance.md). Call <see cref="UsePassiveWaiting"/> first
/// thing in Main, before any TorchSharp call loads libtorch: OpenMP reads <c>OMP_WAIT_POLICY</c> once, when it loads.
/// </summary>
public static partial class ThreadWaitPolicy
{
    /// <summary>
    /// Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the native environment unless the variable is already set (an explicit
    /// setting wins). Returns the policy in force. No effect once libtorch is loaded; Linux and macOS only (no-op elsewhere).
    /// </summary>
    public static string UsePassiveWaiting()
    {
        const string name = "OMP_WAIT_POLICY";
        var current = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(current))
        {
            return current;
        }
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // .NET keeps its own copy of the environment on Unix; OpenMP reads the C library's.
            _ = SetEnv(name, "PASSIVE", 0);
        }
        Environment.SetEnvironmentVariable(name, "PASSIVE");
        return "PASSIVE";
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
