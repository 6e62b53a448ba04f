using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using XaiLab.Data;

namespace XaiLab.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add &lt;Name&gt; --project migrations/XaiLab.Migrations.Postgres` build the model without
/// starting the web host or reaching a server: adding a migration only needs the provider, never a connection.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<XaiLabDbContext>
{
    public XaiLabDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<XaiLabDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=xailab_design_time", npgsql => npgsql.MigrationsAssembly(DataHostingExtensions.PostgresMigrationsAssembly))
            .Options);
}
