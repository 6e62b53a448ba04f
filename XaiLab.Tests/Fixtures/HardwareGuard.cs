using System.Runtime.CompilerServices;
using XaiLab.Engine.Runtime.Cpu;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The test host computes with libtorch in-process, so it applies the hardware guard before any test can load it: the
/// probe runs in a child (XaiLab.Web.dll with the probe argument), and on a CPU whose oneDNN faults (AMD Zen 5 with
/// libtorch 2.10) the whole suite computes with the ISA that survived, as the app's workers do.
/// </summary>
internal static class HardwareGuard
{
#pragma warning disable CA2255 // A module initializer is the one place that runs before every test's first tensor.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply() =>
        OneDnnIsaGuard.Apply(null, ProbeCommand.ForAssembly(Path.Combine(AppContext.BaseDirectory, "XaiLab.Web.dll")), log: Console.Out);
}
