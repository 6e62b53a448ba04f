using Microsoft.EntityFrameworkCore;
using XaiLab.Data;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// A fresh, migrated database of either provider, configured exactly as the application configures it
/// (<see cref="DataHostingExtensions.UseXaiLabDatabase"/>): a SQLite file in a temporary folder, or a database of its own
/// on <see cref="PostgresServer"/>. Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>Environment variable that makes the in-process app tests use PostgreSQL (scripts/test.sh's second pass).</summary>
    public const string ProviderVariable = "XAILAB_TEST_PROVIDER";

    private TestDatabase(DatabaseProvider provider, string folder, string connectionString)
    {
        Provider = provider;
        Folder = folder;
        ConnectionString = connectionString;
        Options = DataHostingExtensions
            .UseXaiLabDatabase(new DbContextOptionsBuilder<XaiLabDbContext>(), new DatabaseOptions { Provider = provider }, connectionString)
            .Options as DbContextOptions<XaiLabDbContext> ?? throw new InvalidOperationException("Unexpected options type.");
        Factory = new ContextFactory(Options);
    }

    /// <summary>The provider the app tests run on: Postgres when XAILAB_TEST_PROVIDER says so, else SQLite.</summary>
    public static DatabaseProvider ProviderFromEnvironment =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>Temporary folder of the SQLite file (an empty folder for PostgreSQL).</summary>
    public string Folder { get; }

    public string ConnectionString { get; }

    public DbContextOptions<XaiLabDbContext> Options { get; }

    public IDbContextFactory<XaiLabDbContext> Factory { get; }

    /// <summary>A new empty database, migrated when <paramref name="migrate"/> (the default).</summary>
    public static TestDatabase Create(DatabaseProvider provider, bool migrate = true)
    {
        var folder = Directory.CreateTempSubdirectory("xailab-db-").FullName;
        var connectionString = provider == DatabaseProvider.Postgres
            ? PostgresServer.CreateDatabase()
            : $"Data Source={Path.Combine(folder, "xailab.db")};Pooling=False";
        var database = new TestDatabase(provider, folder, connectionString);
        if (migrate)
        {
            using var db = database.Create();
            db.Database.Migrate();
        }
        return database;
    }

    public XaiLabDbContext Create() => new(Options);

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresServer.DropDatabase(ConnectionString);
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class ContextFactory(DbContextOptions<XaiLabDbContext> options) : IDbContextFactory<XaiLabDbContext>
    {
        public XaiLabDbContext CreateDbContext() => new(options);
    }
}
