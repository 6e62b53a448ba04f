using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Tests.TestDoubles;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The real application (SQLite, Hangfire on SQLite, artifact store) in a fresh temporary data directory, with the demo
/// seeding switched off so each test creates exactly the data it uses. The first start creates the administrator
/// <see cref="AdminEmail"/> (member of the default team); <see cref="WebApplicationFactory{T}.CreateClient()"/> gives
/// clients that carry the administrator's bearer token, <see cref="CreateAnonymousClient"/> one without, and
/// <see cref="CreateUserClientAsync"/> one for a new user of any role and teams. Call
/// <see cref="WebApplicationFactory{T}.UseKestrel()"/> before the first client for a real socket (browser tests). With
/// XAILAB_TEST_PROVIDER=Postgres (or a provider given explicitly) the app and Hangfire use a fresh PostgreSQL database of
/// their own on <see cref="PostgresServer"/>.
/// </summary>
public sealed class XaiLabAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@xailab.test";
    public const string AdminPassword = "Admin-pass-1";

    /// <summary>Password of every user made by <see cref="CreateUserAsync"/>.</summary>
    public const string UserPassword = "User-pass-1";

    private readonly Dictionary<string, string> settings;
    private readonly bool ownsDataDirectory;
    private string? adminToken;

    /// <param name="dataDirectory">An existing data directory to start on (kept on dispose); default a new temporary
    /// one (deleted on dispose).</param>
    public XaiLabAppFactory(string? dataDirectory = null)
        : this(TestDatabase.ProviderFromEnvironment, settings: null, dataDirectory)
    {
    }

    public XaiLabAppFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        Provider = provider;
        this.settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("xailab-app-").FullName;
        ConnectionString = provider == DatabaseProvider.Postgres
            ? PostgresServer.CreateDatabase()
            : $"Data Source={Path.Combine(DataDirectory, "xailab.db")};Cache=Shared;Pooling=True";
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The host environment; default "Testing". Set before the first client (e.g. "Development", which dotnet run used to give).</summary>
    public string EnvironmentName { get; init; } = "Testing";

    public string DataDirectory { get; }

    /// <summary>The application database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Everything the host logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Sets a configuration value before the host starts (e.g. a lower sign-in limit).</summary>
    public XaiLabAppFactory WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // Outside Development the build-output layout needs this to find MudBlazor's and Plotly's files in the NuGet cache.
        builder.UseStaticWebAssets();
        builder.UseSetting("XaiLab:DataDirectory", DataDirectory);
        builder.UseSetting("XaiLab:Admin:Email", AdminEmail);
        builder.UseSetting("XaiLab:Admin:Password", AdminPassword);
        // Tests sign in far more often than people do; the throttling test sets its own limit.
        builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:QueuePollIntervalSeconds", "0.2");
        // In-process hosts run their jobs in the test host (the test reads their services); WorkerProcessTests and
        // WebAppProcess cover the real web + worker process model.
        builder.UseSetting("XaiLab:Compute:RunJobsInWebProcess", "true");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Every client acts as the administrator unless the test says otherwise.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        adminToken ??= CreateTokenAsync(AdminEmail).GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client carrying <paramref name="token"/>.</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new team, straight through the application's administration service.</summary>
    public async Task<int> CreateTeamAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateTeamAsync(name);
    }

    /// <summary>A new user (password <see cref="UserPassword"/>) with <paramref name="role"/> in <paramref name="teamIds"/>;
    /// returns the e-mail.</summary>
    public async Task<string> CreateUserAsync(string role, params int[] teamIds)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@xailab.test";
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateUserAsync(email, UserPassword, role, teamIds);
        return email;
    }

    /// <summary>A client for a new user with <paramref name="role"/> in <paramref name="teamIds"/> (default: the default team).</summary>
    public async Task<HttpClient> CreateUserClientAsync(string role, params int[] teamIds)
    {
        var email = await CreateUserAsync(role, teamIds.Length == 0 ? [Team.DefaultTeamId] : teamIds);
        return CreateClientWithToken(await CreateTokenAsync(email));
    }

    /// <summary>A personal access token of an existing user, made by the application's token service.</summary>
    public async Task<string> CreateTokenAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<XaiLabUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        return (await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(user.Id, "test")).Token;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Provider == DatabaseProvider.Postgres)
        {
            PostgresServer.DropDatabase(ConnectionString);
        }
        if (disposing && ownsDataDirectory)
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
