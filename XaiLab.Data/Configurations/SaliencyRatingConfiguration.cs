using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class SaliencyRatingConfiguration : IEntityTypeConfiguration<SaliencyRating>
{
    public void Configure(EntityTypeBuilder<SaliencyRating> builder)
    {
        builder.Property(r => r.Choice).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        // One answer per presentation: a second rating of the same presentation updates this row.
        builder.HasIndex(r => r.AssignmentId).IsUnique();
    }
}
