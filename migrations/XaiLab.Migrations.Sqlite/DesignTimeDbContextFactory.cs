using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using XaiLab.Data;

namespace XaiLab.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add &lt;Name&gt; --project migrations/XaiLab.Migrations.Sqlite` build the model without
/// starting the web host.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<XaiLabDbContext>
{
    public XaiLabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<XaiLabDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(DataHostingExtensions.SqliteMigrationsAssembly))
            .Options);
}
