using System.Diagnostics;
using System.Reflection;
using XaiLab.Engine.Runtime.Processes;

namespace XaiLab.Engine.Runtime.Cpu;

/// <summary>The command that starts a probe child process: an executable and its arguments.</summary>
public sealed record ProbeCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The running program started again with <see cref="OneDnnProbe.Argument"/>: its apphost, or <c>dotnet exec</c> with
    /// the entry assembly when it was started through <c>dotnet</c>. The program's Main must answer that argument with
    /// <see cref="OneDnnIsaGuard.RunProbeIfAsked"/>.
    /// </summary>
    public static ProbeCommand ForThisProgram()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? ForAssembly(entry, process)
            : new ProbeCommand(process, [OneDnnProbe.Argument]);
    }

    /// <summary><c>dotnet exec</c> of an XaiLab program's assembly (e.g. XaiLab.Web.dll from a test host).</summary>
    public static ProbeCommand ForAssembly(string assemblyPath, string? dotnet = null) =>
        new(dotnet ?? DotnetHost.Path, ["exec", assemblyPath, OneDnnProbe.Argument]);

    /// <summary>The start information, with the environment of this process plus <paramref name="isa"/> (null: unset).</summary>
    public ProcessStartInfo ToStartInfo(string? isa)
    {
        var start = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments) start.ArgumentList.Add(argument);
        if (isa is null) start.Environment.Remove(OneDnnIsaGuard.VariableName);
        else start.Environment[OneDnnIsaGuard.VariableName] = isa;
        return start;
    }
}
