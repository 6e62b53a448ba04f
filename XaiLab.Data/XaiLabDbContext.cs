using Microsoft.EntityFrameworkCore;
using XaiLab.Data.Entities;

namespace XaiLab.Data;

public class XaiLabDbContext(DbContextOptions<XaiLabDbContext> options) : DbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<Slice> Slices => Set<Slice>();
    public DbSet<TrainingRun> Runs => Set<TrainingRun>();
    public DbSet<EpochMetric> EpochMetrics => Set<EpochMetric>();
    public DbSet<Prediction> Predictions => Set<Prediction>();
    public DbSet<SaliencyMap> SaliencyMaps => Set<SaliencyMap>();
    public DbSet<Embedding> Embeddings => Set<Embedding>();
    public DbSet<AttributionRequest> AttributionRequests => Set<AttributionRequest>();
    public DbSet<StoredAttribution> StoredAttributions => Set<StoredAttribution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(XaiLabDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // The seeded default team takes id 1 without advancing PostgreSQL's identity sequence: start it past the seed.
            modelBuilder.Entity<Team>().Property(t => t.Id).HasIdentityOptions(startValue: Team.DefaultTeamId + 1);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so queries stay server-side.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetTicksConverter>();
    }
}
