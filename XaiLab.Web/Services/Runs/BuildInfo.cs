using System.Reflection;

namespace XaiLab.Web.Services.Runs;

/// <summary>The git commit stamped at build time, for the reproducibility record (library versions: <see cref="XaiLab.Engine.Runtime.TorchRuntime"/>).</summary>
public static class BuildInfo
{
    /// <summary>The commit the web assembly was built from (AssemblyMetadata "GitCommit"), null when git was unavailable.</summary>
    public static string? GitCommit { get; } = typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "GitCommit" && !string.IsNullOrWhiteSpace(a.Value))?.Value;

}
