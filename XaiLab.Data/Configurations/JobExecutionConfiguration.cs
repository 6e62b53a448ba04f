using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class JobExecutionConfiguration : IEntityTypeConfiguration<JobExecution>
{
    public void Configure(EntityTypeBuilder<JobExecution> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Node).HasMaxLength(256);
        builder.Property(e => e.Stage).HasMaxLength(512);
        builder.Property(e => e.LastCrash).HasMaxLength(2048);
        builder.HasIndex(e => new { e.Kind, e.EntityId }).IsUnique();
        // The web node's progress relay asks for rows changed since its last look.
        builder.HasIndex(e => e.UpdatedAt);
        builder.HasIndex(e => new { e.Node, e.Active });
    }
}
