using System.Reflection;
using TorchSharp;

namespace XaiLab.Engine.Runtime;

/// <summary>What libtorch this process runs on and which device computations go to.</summary>
public static class TorchRuntime
{
    /// <summary>TorchSharp's informational version, without build metadata (e.g. 0.107.0).</summary>
    public static string? TorchSharpVersion { get; } = typeof(torch).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    /// <summary>The libtorch version TorchSharp was built against, as major.minor.patch, e.g. "2.10.0".</summary>
    public static string LibTorchVersion => string.Join('.', torch.__version__.Split('.').Take(3));

    /// <summary>Whether a CUDA device is usable (needs the CUDA libtorch build, see README).</summary>
    public static bool CudaAvailable => torch.cuda.is_available();

    /// <summary>
    /// Resolves a requested device: "auto" (default) picks CUDA when available, else CPU; "cpu" and "cuda" are taken as
    /// asked, and "cuda" without a CUDA device is an error rather than a silent fallback.
    /// </summary>
    public static torch.Device Resolve(string? requested = "auto")
    {
        var name = string.IsNullOrWhiteSpace(requested) ? "auto" : requested.Trim().ToLowerInvariant();
        return name switch
        {
            "auto" => CudaAvailable ? torch.CUDA : torch.CPU,
            "cpu" => torch.CPU,
            "cuda" when CudaAvailable => torch.CUDA,
            "cuda" => throw new InvalidOperationException("CUDA was requested but no CUDA device is available to libtorch."),
            _ => throw new ArgumentException($"Unknown device '{requested}'. Use auto, cpu or cuda.", nameof(requested)),
        };
    }

    /// <summary>"cuda" or "cpu": the device "auto" resolves to.</summary>
    public static string DefaultDeviceName => CudaAvailable ? "cuda" : "cpu";
}
