using XaiLab.Engine.Attribution.Rendering;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// The grid's display choices, applied to every pane of an exported figure: colormap, opacity, one scale per method
/// (<paramref name="SharedScale"/>) or per map, and signed or absolute values.
/// </summary>
public sealed record AttributionFigureStyle(Colormap Colormap = Colormap.Jet, double Opacity = 0.5, bool SharedScale = false, bool Signed = false);
