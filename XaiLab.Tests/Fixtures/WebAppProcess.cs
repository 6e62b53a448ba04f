using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Net.Sockets;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The real XaiLab.Web as a separate OS process on a free loopback port, over a given data directory, so a test can kill
/// it with SIGKILL and start it again on the same data. The administrator comes from the environment (as in production);
/// <see cref="Client"/> carries their bearer token.
/// </summary>
public sealed class WebAppProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder output = new();

    private WebAppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    /// <summary>The web process's id (its workers are its children).</summary>
    public int ProcessId => process.Id;

    /// <summary>Everything the process (and the workers it supervises, prefixed "[worker-N]") printed so far.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>Starts the app and waits until /api/health answers.</summary>
    public static async Task<WebAppProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "XaiLab.Web.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = address.ToString();
        start.Environment["XaiLab__DataDirectory"] = dataDirectory;
        start.Environment["Demo__SeedOnStart"] = "false";
        start.Environment["Jobs__QueuePollIntervalSeconds"] = "0.2";
        start.Environment["XaiLab__Admin__Email"] = XaiLabAppFactory.AdminEmail;
        start.Environment["XaiLab__Admin__Password"] = XaiLabAppFactory.AdminPassword;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new WebAppProcess(process, address);
        process.OutputDataReceived += (_, line) => app.Append(line.Data);
        process.ErrorDataReceived += (_, line) => app.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"XaiLab.Web exited with code {process.ExitCode} during start:\n{app.Output}");
            }
            try
            {
                if ((await app.Client.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK)
                {
                    // A worker node serves nothing but /api/health: there is nobody to sign in to.
                    var worker = settings is not null && settings.TryGetValue("Node__Role", out var role)
                        && string.Equals(role, "Worker", StringComparison.OrdinalIgnoreCase);
                    if (!worker)
                    {
                        await app.SignInAsync();
                    }
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        app.Dispose();
        throw new TimeoutException("XaiLab.Web did not answer /api/health within a minute.");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            // Keep the tail: a long run prints a lot.
            if (output.Length > 2_000_000) output.Remove(0, 1_000_000);
            output.AppendLine(line);
        }
    }

    private async Task SignInAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/auth/token", new { email = XaiLabAppFactory.AdminEmail, password = XaiLabAppFactory.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        KillHard();
        Client.Dispose();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
