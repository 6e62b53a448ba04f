using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class StudyAssignmentConfiguration : IEntityTypeConfiguration<StudyAssignment>
{
    public void Configure(EntityTypeBuilder<StudyAssignment> builder)
    {
        builder.Property(a => a.AnnotatorUserId).HasMaxLength(450);
        builder.Property(a => a.Token).HasMaxLength(32);
        builder.HasIndex(a => a.Token).IsUnique();
        builder.HasIndex(a => new { a.StudyId, a.AnnotatorUserId, a.Position }).IsUnique();
        builder.HasOne(a => a.Item).WithMany().HasForeignKey(a => a.StudyItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Rating).WithOne(r => r.Assignment).HasForeignKey<SaliencyRating>(r => r.AssignmentId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
