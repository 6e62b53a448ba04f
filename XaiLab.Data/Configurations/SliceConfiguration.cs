using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class SliceConfiguration : IEntityTypeConfiguration<Slice>
{
    public void Configure(EntityTypeBuilder<Slice> builder)
    {
        builder.Property(s => s.PatientId).HasMaxLength(128);
        builder.Property(s => s.Split).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ImagePath).HasMaxLength(400);
        builder.Property(s => s.MaskPath).HasMaxLength(400);
        builder.Property(s => s.ContentHash).HasMaxLength(64);
        builder.HasOne(s => s.Dataset).WithMany(d => d.Slices).HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.DatasetId, s.Index }).IsUnique();
        builder.HasIndex(s => new { s.DatasetId, s.Split, s.Label });
        builder.HasIndex(s => new { s.DatasetId, s.PatientId });
        builder.HasIndex(s => new { s.DatasetId, s.Label, s.Index });
        builder.HasIndex(s => new { s.DatasetId, s.ContentHash });
    }
}
