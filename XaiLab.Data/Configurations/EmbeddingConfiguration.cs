using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class EmbeddingConfiguration : IEntityTypeConfiguration<Embedding>
{
    public void Configure(EntityTypeBuilder<Embedding> builder)
    {
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Projection).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Split).HasMaxLength(16);
        builder.Property(e => e.CacheKey).HasMaxLength(64);
        builder.Property(e => e.PointsPath).HasMaxLength(400);
        builder.HasOne(e => e.Dataset).WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Run).WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.CacheKey).IsUnique();
        builder.HasIndex(e => e.RunId);
    }
}
