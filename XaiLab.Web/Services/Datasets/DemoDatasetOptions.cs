namespace XaiLab.Web.Services.Datasets;

/// <summary>The phantom demo dataset seeded on first start. Bound from the configuration section "Demo".</summary>
public sealed class DemoDatasetOptions
{
    public const string SectionName = "Demo";

    /// <summary>Create a demo dataset when the database has none. Default true.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>Slices of the seeded demo dataset. Default 240 (40 patients of 6 slices).</summary>
    public int Slices { get; set; } = 240;

    /// <summary>Side of the seeded demo slices in pixels. Default 64: trains in about a minute on two cores.</summary>
    public int Size { get; set; } = 64;

    /// <summary>Seed of the phantom generator and of the split. Default 7.</summary>
    public int Seed { get; set; } = 7;
}
