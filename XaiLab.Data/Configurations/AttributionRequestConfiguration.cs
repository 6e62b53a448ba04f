using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class AttributionRequestConfiguration : IEntityTypeConfiguration<AttributionRequest>
{
    public void Configure(EntityTypeBuilder<AttributionRequest> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.TeamId);
        builder.HasIndex(r => r.TrainingRunId);
        builder.Property(r => r.ExecutedBy).HasMaxLength(200);
    }
}
