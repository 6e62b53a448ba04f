using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class RunEvaluationConfiguration : IEntityTypeConfiguration<RunEvaluation>
{
    public void Configure(EntityTypeBuilder<RunEvaluation> builder)
    {
        builder.ToTable("RunEvaluations");
        builder.Property(e => e.Split).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ClassMapJson).HasDefaultValue("{}");
        builder.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Run).WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Dataset).WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.RunId);
        builder.HasIndex(e => e.DatasetId);
    }
}
