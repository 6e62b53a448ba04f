using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class SaliencyMapConfiguration : IEntityTypeConfiguration<SaliencyMap>
{
    public void Configure(EntityTypeBuilder<SaliencyMap> builder)
    {
        builder.Property(m => m.Method).HasMaxLength(64);
        builder.Property(m => m.OverlayPath).HasMaxLength(400);
        builder.Property(m => m.ValuesPath).HasMaxLength(400);
        builder.HasOne(m => m.Run).WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Slice).WithMany().HasForeignKey(m => m.SliceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.RunId, m.SliceId, m.Method }).IsUnique();
    }
}
