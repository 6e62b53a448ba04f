using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// Registers the database (SQLite in the data directory by default), the artifact store and run leases.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabData(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<XaiLabOptions>(builder.Configuration.GetSection(XaiLabOptions.SectionName));
        var options = builder.Configuration.GetSection(XaiLabOptions.SectionName).Get<XaiLabOptions>() ?? new XaiLabOptions();
        var dataDirectory = ResolveDataDirectory(options, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        var connectionString = options.ConnectionString
            ?? $"Data Source={Path.Combine(dataDirectory, "xailab.db")};Cache=Shared;Pooling=True";

        builder.Services.AddDbContextFactory<XaiLabDbContext>(db =>
            db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)));
        builder.Services.AddSingleton(new ArtifactStore(Path.Combine(dataDirectory, "artifacts")));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunLeaseStore>();
        return builder;
    }

    /// <summary>The absolute data directory: <see cref="XaiLabOptions.DataDirectory"/> relative to the content root.</summary>
    public static string ResolveDataDirectory(XaiLabOptions options, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(options.DataDirectory)
            ? options.DataDirectory
            : Path.Combine(contentRoot, options.DataDirectory));
}
