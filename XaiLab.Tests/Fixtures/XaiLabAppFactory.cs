using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The real application (SQLite, Hangfire on SQLite, artifact store) in a fresh temporary data directory, with the demo
/// seeding switched off so each test creates exactly the data it uses. Call <see cref="WebApplicationFactory{T}.UseKestrel()"/>
/// before the first client for a real socket (browser tests).
/// </summary>
public sealed class XaiLabAppFactory : WebApplicationFactory<Program>
{
    public XaiLabAppFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("xailab-app-").FullName;
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build-output layout needs this to find MudBlazor's and Plotly's files in the NuGet cache.
        builder.UseStaticWebAssets();
        builder.UseSetting("XaiLab:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:QueuePollIntervalSeconds", "0.2");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold a handle for a moment after the host stops; the OS cleans temp folders.
            }
        }
    }
}
