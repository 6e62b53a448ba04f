namespace XaiLab.Engine.Datasets.Covid;

/// <summary>Class selections for the COVID-19 Radiography Database, by folder name.</summary>
public static class CovidClassPresets
{
    /// <summary>The three classes the paper trained on: COVID, Normal and Lung_Opacity (Viral Pneumonia left out).</summary>
    public static IReadOnlyList<string> Paper { get; } = ["COVID", "Normal", "Lung_Opacity"];

    /// <summary>All four classes of the database's later releases.</summary>
    public static IReadOnlyList<string> All { get; } = ["COVID", "Normal", "Lung_Opacity", "Viral Pneumonia"];
}
