using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using XaiLab.Data.Entities;

namespace XaiLab.Data.Configurations;

public sealed class ComputeNodeConfiguration : IEntityTypeConfiguration<ComputeNode>
{
    public void Configure(EntityTypeBuilder<ComputeNode> builder)
    {
        builder.HasKey(n => n.Name);
        builder.Property(n => n.Name).HasMaxLength(256);
        builder.HasIndex(n => n.HeartbeatAt);
    }
}
