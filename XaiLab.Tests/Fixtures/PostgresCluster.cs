using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// A private PostgreSQL cluster of Debian's postgresql binaries: initdb into a temporary folder, pg_ctl start on a free
/// loopback port with trust authentication, no systemd. PostgreSQL refuses to run as root, so under root the cluster
/// belongs to the "postgres" user the package creates and every command runs through runuser.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string User = "xailab";
    private readonly string binDirectory;
    private readonly string? runAs;

    private PostgresCluster(string binDirectory, string folder, int port, string? runAs)
    {
        this.binDirectory = binDirectory;
        Folder = folder;
        Port = port;
        this.runAs = runAs;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>Connection string to the cluster's maintenance database "postgres" as its superuser.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={User};Database=postgres;Pooling=false";

    /// <summary>The bin folder of the newest installed PostgreSQL, or null when there is none.</summary>
    public static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions
            .Select(v => Path.Combine(v, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    public static PostgresCluster Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL binaries under /usr/lib/postgresql: run `bash scripts/test.sh` (installs Debian's postgresql and " +
            "starts a cluster) or `apt-get install postgresql`, or set XAILAB_TEST_POSTGRES to a server's connection string.");
        RemoveStoppedClusters();
        var folder = Directory.CreateTempSubdirectory("xailab-pg-").FullName;
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            Run("chown", ["-R", runAs, folder], null);
        }
        var cluster = new PostgresCluster(bin, folder, FreePort(), runAs);
        cluster.Exec("initdb", ["-D", cluster.DataFolder, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        cluster.StartServer();
        return cluster;
    }

    private string DataFolder => Path.Combine(Folder, "data");

    /// <summary>
    /// Folders of earlier test processes whose cluster is stopped (no postmaster.pid): the process-exit hook stops the
    /// server but is not always given the time to delete its folder.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "xailab-pg-*"))
        {
            if (!File.Exists(Path.Combine(stale, "data", "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    /// <summary>Starts the (stopped) server again on the same port and data.</summary>
    public void StartServer() =>
        Exec("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(Folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {Folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start"]);

    /// <summary>Stops the server at once (clients see their connections drop), keeping its data.</summary>
    public void Stop() => Exec("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Exec(string tool, string[] arguments) => Run(Path.Combine(binDirectory, tool), arguments, runAs);

    private static void Run(string file, string[] arguments, string? runAs)
    {
        var start = runAs is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser");
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
