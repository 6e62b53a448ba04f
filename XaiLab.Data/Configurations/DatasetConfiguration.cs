using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.SplitPreset).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.ImportJobId).HasMaxLength(64);
        builder.Property(d => d.UploadPath).HasMaxLength(1000);
        builder.Property(d => d.ClassNames)
            .HasConversion(
                names => JsonSerializer.Serialize(names, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>())
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!),
                names => names.Aggregate(0, (hash, name) => HashCode.Combine(hash, name.GetHashCode())),
                names => names.ToList()));
        builder.Property(d => d.Warnings)
            .HasConversion(
                warnings => JsonSerializer.Serialize(warnings, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>())
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!),
                warnings => warnings.Aggregate(0, (hash, warning) => HashCode.Combine(hash, warning.GetHashCode())),
                warnings => warnings.ToList()));
        builder.HasOne(d => d.Team).WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TeamId, d.CreatedAt });
    }
}
