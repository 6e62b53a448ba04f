using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using XaiLab.Data;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Shared;
using XaiLab.Web.Services.Health;

namespace XaiLab.Tests.Web.Components.Shared;

/// <summary>
/// The banner follows the monitor's real checks: a SQLite file whose folder does not exist cannot be opened (the
/// database is unavailable); once the folder exists and is migrated the banner goes away.
/// </summary>
public sealed class DatabaseStatusBannerTests : MudBunitContext
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"xailab-banner-{Guid.NewGuid():N}");

    [Fact]
    public async Task Banner_AppearsWhileTheDatabaseDoesNotAnswerAndGoesWhenItIsBack()
    {
        var options = DataHostingExtensions.UseXaiLabDatabase(new DbContextOptionsBuilder<XaiLabDbContext>(),
            new DatabaseOptions(), $"Data Source={Path.Combine(folder, "xailab.db")};Pooling=False").Options;
        var contexts = new Factory((DbContextOptions<XaiLabDbContext>)options);
        var monitor = new DatabaseHealthMonitor(contexts, Options.Create(new DatabaseHealthOptions()), TimeProvider.System,
            NullLogger<DatabaseHealthMonitor>.Instance);
        Services.AddSingleton(monitor);
        var banner = Context.Render<DatabaseStatusBanner>();
        Assert.Empty(banner.FindAll("[data-testid=database-unavailable]"));

        var down = await monitor.CheckAsync(CancellationToken.None);
        Assert.False(down.Available);
        banner.WaitForAssertion(() =>
            Assert.Contains("database is unavailable", banner.Find("[data-testid=database-unavailable]").TextContent));

        Directory.CreateDirectory(folder);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        Assert.True((await monitor.CheckAsync(CancellationToken.None)).Available);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=database-unavailable]")));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class Factory(DbContextOptions<XaiLabDbContext> options) : IDbContextFactory<XaiLabDbContext>
    {
        public XaiLabDbContext CreateDbContext() => new(options);
    }
}
