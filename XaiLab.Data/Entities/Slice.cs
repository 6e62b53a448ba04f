namespace XaiLab.Data.Entities;

/// <summary>One image of a dataset. Pixels live in the artifact store (lossless PNG); the row holds what queries need.</summary>
public class Slice
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }

    /// <summary>Position in the dataset (0-based, stable).</summary>
    public int Index { get; set; }
    public required string PatientId { get; set; }
    public int Label { get; set; }
    public SplitPart Split { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public int BitDepth { get; set; }
    public required string ImagePath { get; set; }
    public string? MaskPath { get; set; }
    public required string ContentHash { get; set; }

    /// <summary>What a volume or series said about the slice (place, value mapping, default window), as JSON; null for 2-D formats.</summary>
    public string? MetadataJson { get; set; }
}
