using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class StudyItemConfiguration : IEntityTypeConfiguration<StudyItem>
{
    public void Configure(EntityTypeBuilder<StudyItem> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ExpectedChoice).HasConversion<string>().HasMaxLength(8);
        // A map in a study is evidence: it cannot be deleted from under the study's ratings.
        builder.HasOne(i => i.Map).WithMany().HasForeignKey(i => i.MapId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.SecondMap).WithMany().HasForeignKey(i => i.SecondMapId).OnDelete(DeleteBehavior.Restrict);
    }
}
