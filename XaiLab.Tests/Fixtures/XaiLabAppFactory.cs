using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using XaiLab.Data;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The real application (SQLite, Hangfire on SQLite, artifact store) in a fresh temporary data directory, with the demo
/// seeding switched off so each test creates exactly the data it uses. Call <see cref="WebApplicationFactory{T}.UseKestrel()"/>
/// before the first client for a real socket (browser tests). With XAILAB_TEST_PROVIDER=Postgres (or a provider given
/// explicitly) the app and Hangfire use a fresh PostgreSQL database of their own on <see cref="PostgresServer"/>.
/// </summary>
public sealed class XaiLabAppFactory : WebApplicationFactory<Program>
{
    public XaiLabAppFactory()
        : this(TestDatabase.ProviderFromEnvironment)
    {
    }

    public XaiLabAppFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        Provider = provider;
        this.settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        DataDirectory = Directory.CreateTempSubdirectory("xailab-app-").FullName;
        ConnectionString = provider == DatabaseProvider.Postgres
            ? PostgresServer.CreateDatabase()
            : $"Data Source={Path.Combine(DataDirectory, "xailab.db")};Cache=Shared;Pooling=True";
    }

    private readonly Dictionary<string, string> settings;

    public DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    /// <summary>Adds or replaces a configuration value; before the first client only.</summary>
    public XaiLabAppFactory WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>The application database's connection string.</summary>
    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the build-output layout needs this to find MudBlazor's and Plotly's files in the NuGet cache.
        builder.UseStaticWebAssets();
        builder.UseSetting("XaiLab:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:QueuePollIntervalSeconds", "0.2");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (Provider == DatabaseProvider.Postgres)
            {
                PostgresServer.DropDatabase(ConnectionString);
            }
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
