using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Scans;

/// <summary>One uploaded scan as a stored slice would hold it: the 16-bit (or 8-bit) image and what its source said.</summary>
public sealed record Scan(SliceImage Image, ScanFormat Format, SliceMetadata? Metadata);
