using Microsoft.EntityFrameworkCore;
using XaiLab.Data;

namespace XaiLab.Tests.Fixtures;

/// <summary>A real SQLite file in a temporary folder, migrated with the project's migrations; deleted on dispose.</summary>
public sealed class SqliteDatabase : IDisposable
{
    public SqliteDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("xailab-db-").FullName;
        Options = new DbContextOptionsBuilder<XaiLabDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Folder, "xailab.db")};Pooling=False",
                sqlite => sqlite.MigrationsAssembly(DataHostingExtensions.SqliteMigrationsAssembly))
            .Options;
        using var db = new XaiLabDbContext(Options);
        db.Database.Migrate();
        Factory = new ContextFactory(Options);
    }

    public string Folder { get; }

    public DbContextOptions<XaiLabDbContext> Options { get; }

    public IDbContextFactory<XaiLabDbContext> Factory { get; }

    public XaiLabDbContext Create() => new(Options);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by SQLite on some platforms; the OS cleans temp folders.
        }
    }

    private sealed class ContextFactory(DbContextOptions<XaiLabDbContext> options) : IDbContextFactory<XaiLabDbContext>
    {
        public XaiLabDbContext CreateDbContext() => new(options);
    }
}
