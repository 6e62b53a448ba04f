using System.Reflection;
using TorchSharp;

namespace XaiLab.Web.Services.Runs;

/// <summary>Versions for the reproducibility record: the git commit stamped at build time and the TorchSharp package.</summary>
public static class BuildInfo
{
    /// <summary>The commit the web assembly was built from (AssemblyMetadata "GitCommit"), null when git was unavailable.</summary>
    public static string? GitCommit { get; } = typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "GitCommit" && !string.IsNullOrWhiteSpace(a.Value))?.Value;

    /// <summary>TorchSharp's informational version, without build metadata.</summary>
    public static string? TorchSharpVersion { get; } = typeof(torch).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
}
