using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class EvaluationPredictionConfiguration : IEntityTypeConfiguration<EvaluationPrediction>
{
    public void Configure(EntityTypeBuilder<EvaluationPrediction> builder)
    {
        builder.Property(p => p.Probabilities)
            .HasConversion(
                values => JsonSerializer.Serialize(values, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<float[]>(json, JsonSerializerOptions.Default) ?? Array.Empty<float>())
            .Metadata.SetValueComparer(new ValueComparer<float[]>(
                (a, b) => a!.SequenceEqual(b!),
                values => values.Aggregate(0, (hash, v) => HashCode.Combine(hash, v.GetHashCode())),
                values => values.ToArray()));
        builder.HasOne(p => p.Evaluation).WithMany().HasForeignKey(p => p.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Slice).WithMany().HasForeignKey(p => p.SliceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.EvaluationId, p.SliceId }).IsUnique();
        builder.HasIndex(p => p.SliceId);
    }
}
