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
        builder.Services.Configure<XaiLabOptions>(builder.Configuration.GetSection(XaiLabOptions.SectionName));
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.SectionName));
        var options = builder.Configuration.GetSection(XaiLabOptions.SectionName).Get<XaiLabOptions>() ?? new XaiLabOptions();
        var database = ReadDatabaseOptions(builder.Configuration);
        var dataDirectory = ResolveDataDirectory(options, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
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

    /// <summary>The absolute data directory: <see cref="XaiLabOptions.DataDirectory"/> relative to the content root.</summary>
    public static string ResolveDataDirectory(XaiLabOptions options, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(contentRoot, options.DataDirectory));
}
