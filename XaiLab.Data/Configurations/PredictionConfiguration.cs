using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class PredictionConfiguration : IEntityTypeConfiguration<Prediction>
{
    public void Configure(EntityTypeBuilder<Prediction> builder)
    {
        builder.Property(p => p.Probabilities)
            .HasConversion(
                values => JsonSerializer.Serialize(values, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<float[]>(json, JsonSerializerOptions.Default) ?? Array.Empty<float>())
            .Metadata.SetValueComparer(new ValueComparer<float[]>(
                (a, b) => a!.SequenceEqual(b!),
                values => values.Aggregate(0, (hash, v) => HashCode.Combine(hash, v.GetHashCode())),
                values => values.ToArray()));
        builder.HasOne<TrainingRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Slice).WithMany().HasForeignKey(p => p.SliceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.RunId, p.SliceId }).IsUnique();
    }
}
