using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class StoredAttributionConfiguration : IEntityTypeConfiguration<StoredAttribution>
{
    public void Configure(EntityTypeBuilder<StoredAttribution> builder)
    {
        builder.Property(a => a.Method).HasMaxLength(64);
        builder.Property(a => a.ParametersHash).HasMaxLength(64);
        builder.Property(a => a.Parameters).HasMaxLength(200);
        builder.Property(a => a.CacheKey).HasMaxLength(64);
        builder.Property(a => a.OverlayPath).HasMaxLength(400);
        builder.Property(a => a.ValuesPath).HasMaxLength(400);
        builder.HasOne(a => a.Run).WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Slice).WithMany().HasForeignKey(a => a.SliceId).OnDelete(DeleteBehavior.Cascade);
        // Two jobs racing for one map: the second insert fails here and the job reuses the first.
        builder.HasIndex(a => a.CacheKey).IsUnique();
        builder.HasIndex(a => new { a.RunId, a.Method, a.SliceId });
    }
}
