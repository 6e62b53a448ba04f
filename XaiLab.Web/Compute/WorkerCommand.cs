using System.Diagnostics;
using XaiLab.Engine.Runtime.Processes;

namespace XaiLab.Web.Compute;

/// <summary>
/// How a web node starts a local worker: this same program (XaiLab.Web) with <c>--role worker</c>, through its apphost
/// when the build has one, else through <c>dotnet exec</c>, with the settings a worker needs to share the node's
/// database, artifact folder and job options passed on its command line.
/// </summary>
public static class WorkerCommand
{
    /// <summary>Configuration sections handed on to workers as they are (job settings, compute settings, test switches).</summary>
    public static readonly string[] ForwardedSections = ["Jobs", "XaiLab:Compute", "Testing", "Logging"];

    public static ProcessStartInfo Create(string nodeName, int parentProcessId, string dataDirectory, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var assembly = typeof(Program).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly));
        var start = new ProcessStartInfo(File.Exists(apphost) && !OperatingSystem.IsWindows() ? apphost : DotnetHost.Path)
        {
            WorkingDirectory = environment.ContentRootPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (start.FileName != apphost)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
        }
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in ForwardedSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null) settings[key] = value;
            }
        }
        foreach (var key in new[] { "Database:Provider", "Database:ConnectionString", "ConnectionStrings:XaiLab" })
        {
            if (configuration[key] is { } value) settings[key] = value;
        }
        settings["Node:Role"] = "Worker";
        settings["Node:Name"] = nodeName;
        settings["XaiLab:DataDirectory"] = dataDirectory;
        settings["XaiLab:Compute:ParentProcessId"] = parentProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["XaiLab:Compute:LocalWorkers"] = "0";
        settings["Demo:SeedOnStart"] = "false";
        // A worker serves /api/health only, on a port of its own choosing: it must never take the web node's.
        settings["Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment.EnvironmentName;
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("URLS");
        return start;
    }
}
