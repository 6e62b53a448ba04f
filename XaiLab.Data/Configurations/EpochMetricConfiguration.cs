using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class EpochMetricConfiguration : IEntityTypeConfiguration<EpochMetric>
{
    public void Configure(EntityTypeBuilder<EpochMetric> builder)
    {
        builder.HasOne(m => m.Run).WithMany(r => r.EpochMetrics).HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.RunId, m.Epoch }).IsUnique();
    }
}
