namespace XaiLab.Engine.Runtime.Processes;

/// <summary>Where the running program's processes come from: the <c>dotnet</c> host, and whether a process still lives.</summary>
public static class DotnetHost
{
    /// <summary>The <c>dotnet</c> executable: this process's own when it runs under it, else DOTNET_ROOT's, else the PATH's.</summary>
    public static string Path
    {
        get
        {
            var process = Environment.ProcessPath;
            if (process is not null && System.IO.Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            return root is not null && File.Exists(System.IO.Path.Combine(root, "dotnet")) ? System.IO.Path.Combine(root, "dotnet") : "dotnet";
        }
    }

    /// <summary>Whether a process of this machine with <paramref name="processId"/> is alive.</summary>
    public static bool IsAlive(int processId)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{processId}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
