namespace XaiLab.Web.Services.Attributions;

/// <summary>The exported comparison figure (PNG and PDF). Bound from the configuration section "AttributionFigure".</summary>
public sealed class AttributionFigureOptions
{
    public const string SectionName = "AttributionFigure";

    /// <summary>
    /// TrueType font of the labels. Default null: the first of DejaVu Sans and Liberation Sans found in the usual Linux
    /// folders; without any font the figure has its images but no text.
    /// </summary>
    public string? FontPath { get; set; }

    /// <summary>Side of each pane in pixels (points in the PDF). Default 160.</summary>
    public int CellSize { get; set; } = 160;
}
