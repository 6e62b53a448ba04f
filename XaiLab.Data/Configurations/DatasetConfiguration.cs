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
        AsJsonList(builder.Property(d => d.ClassNames));
        AsJsonList(builder.Property(d => d.Warnings));
        AsJsonList(builder.Property(d => d.ImportNotices));
        builder.HasOne(d => d.Team).WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TeamId, d.CreatedAt });
    }

    /// <summary>A list of strings stored as one JSON array column, compared by content.</summary>
    private static void AsJsonList(PropertyBuilder<List<string>> property) =>
        property
            .HasConversion(
                items => JsonSerializer.Serialize(items, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>())
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!),
                items => items.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
                items => items.ToList()));
}