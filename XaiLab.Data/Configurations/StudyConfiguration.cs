using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Question).HasMaxLength(1000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CreatedByUserId).HasMaxLength(450);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Items).WithOne(i => i.Study).HasForeignKey(i => i.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Assignments).WithOne(a => a.Study).HasForeignKey(a => a.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
