using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using XaiLab.Data.Entities;

namespace XaiLab.Data;

/// <summary>The application database, Identity's tables (users, roles, claims) included.</summary>
public class XaiLabDbContext(DbContextOptions<XaiLabDbContext> options) : IdentityDbContext<XaiLabUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<Slice> Slices => Set<Slice>();
    public DbSet<TrainingRun> Runs => Set<TrainingRun>();
    public DbSet<EpochMetric> EpochMetrics => Set<EpochMetric>();
    public DbSet<Prediction> Predictions => Set<Prediction>();
    public DbSet<Embedding> Embeddings => Set<Embedding>();
    public DbSet<RunEvaluation> RunEvaluations => Set<RunEvaluation>();
    public DbSet<EvaluationPrediction> EvaluationPredictions => Set<EvaluationPrediction>();
    public DbSet<AttributionRequest> AttributionRequests => Set<AttributionRequest>();
    public DbSet<StoredAttribution> StoredAttributions => Set<StoredAttribution>();
    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Study> Studies => Set<Study>();
    public DbSet<StudyItem> StudyItems => Set<StudyItem>();
    public DbSet<StudyAssignment> StudyAssignments => Set<StudyAssignment>();
    public DbSet<SaliencyRating> SaliencyRatings => Set<SaliencyRating>();
    public DbSet<JobExecution> JobExecutions => Set<JobExecution>();
    public DbSet<ComputeNode> ComputeNodes => Set<ComputeNode>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
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
