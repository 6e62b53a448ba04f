using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Leases;

namespace XaiLab.Data;

public static class DataHostingExtensions
{
    /// <summary>Name of the assembly that holds the SQLite migrations (migrations/XaiLab.Migrations.Sqlite).</summary>
    public const string SqliteMigrationsAssembly = "XaiLab.Migrations.Sqlite";

    /// <summary>Name of the assembly that holds the PostgreSQL migrations (migrations/XaiLab.Migrations.Postgres).</summary>
    public const string PostgresMigrationsAssembly = "XaiLab.Migrations.Postgres";

    /// <summary>
    /// Registers the database (SQLite in the data directory by default, or PostgreSQL: see <see cref="DatabaseOptions"/>),
    /// the artifact store and run leases.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabData(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.SectionName));
        var database = ReadDatabaseOptions(builder.Configuration);
        var directory = builder.XaiLabDataDirectory();
        var dataDirectory = directory.Path;
        builder.Services.AddSingleton(directory);
        var connectionString = database.ResolveConnectionString(
            builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), dataDirectory);

        builder.Services.AddDbContextFactory<XaiLabDbContext>(db => UseXaiLabDatabase(db, database, connectionString));
        builder.Services.AddSingleton(new ArtifactStore(Path.Combine(dataDirectory, "artifacts")));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunLeaseStore>();
        builder.Services.AddSingleton<XaiLab.Data.Executions.JobExecutionStore>();
        builder.Services.AddSingleton<XaiLab.Data.Executions.ComputeNodeStore>();
        return builder;
    }

    /// <summary>The "Database" section, with defaults where it is missing.</summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

    /// <summary>
    /// Points a context at the configured provider with its migrations assembly: SQLite with its pragmas
    /// (<see cref="SqlitePragmas"/>), PostgreSQL with retries while the server is unreachable.
    /// </summary>
    public static DbContextOptionsBuilder UseXaiLabDatabase(DbContextOptionsBuilder db, DatabaseOptions options, string connectionString) =>
        options.Provider switch
        {
            DatabaseProvider.Sqlite => db
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqlitePragmas(options.SqliteBusyTimeoutMilliseconds))
                // SQLite's table rebuilds (EF's own steps in the Accounts migration) toggle foreign keys outside the
                // migration's transaction by design; the warning about it on every first start says nothing actionable.
                .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)),
            DatabaseProvider.Postgres => db.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .EnableRetryOnFailure(options.MaxRetryCount, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds), null)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
        };

    /// <summary>
    /// This host's data directory: the section "XaiLab" read on the first call (and kept in the builder's properties, so
    /// every registration sees the same folder), <see cref="XaiLabOptions.DataDirectory"/> resolved against the content
    /// root and created.
    /// </summary>
    public static DataDirectory XaiLabDataDirectory(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(DataDirectory), out var known))
        {
            return (DataDirectory)known;
        }
        var options = builder.Configuration.GetSection(XaiLabOptions.SectionName).Get<XaiLabOptions>() ?? new XaiLabOptions();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new InvalidOperationException($"{XaiLabOptions.SectionName}:DataDirectory is empty; leave it out for the default \"data\".");
        }
        var path = Path.GetFullPath(Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(builder.Environment.ContentRootPath, options.DataDirectory));
        Directory.CreateDirectory(path);
        var directory = new DataDirectory(path);
        builder.Properties[typeof(DataDirectory)] = directory;
        return directory;
    }
}
