using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.ToTable("Runs");
        builder.Property(r => r.Architecture).HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Device).HasMaxLength(16);
        builder.Property(r => r.LeaseOwner).HasMaxLength(200);
        builder.Property(r => r.ExecutedBy).HasMaxLength(200);
        builder.Property(r => r.HangfireJobId).HasMaxLength(64);
        builder.Property(r => r.Tags).HasMaxLength(400);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.Property(r => r.Attempt).HasDefaultValue(1);
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Dataset).WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TeamId, r.CreatedAt });
        builder.HasIndex(r => r.Status);
    }
}
