using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using XaiLab.Data;

namespace XaiLab.Tests.Data;

/// <summary>The SQLite database as the application registers it: WAL, foreign keys on, a busy timeout.</summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("xailab-pragmas-").FullName;

    [Fact]
    public async Task AppRegisteredContext_UsesWalForeignKeysAndTheBusyTimeout()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder });
        builder.Configuration["XaiLab:DataDirectory"] = folder;
        builder.Configuration["Database:SqliteBusyTimeoutMilliseconds"] = "4321";
        builder.AddXaiLabData();
        using var host = builder.Build();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
        Assert.Equal("4321", await Pragma(db, "busy_timeout"));
        Assert.True(File.Exists(Path.Combine(folder, "xailab.db")));
    }

    private static async Task<string> Pragma(XaiLabDbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
