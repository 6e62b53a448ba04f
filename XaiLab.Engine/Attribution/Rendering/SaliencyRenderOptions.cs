namespace XaiLab.Engine.Attribution.Rendering;

/// <summary>How <see cref="SaliencyRenderer"/> draws a map over its slice.</summary>
/// <param name="Colormap">Colour scale of the saliency; default jet.</param>
/// <param name="Opacity">Weight of the saliency colour over the gray slice, 0..1; default 0.5.</param>
/// <param name="ClipPercentile">Percentile of |map| mapped to full colour (higher values are clipped); default 99 (the
/// paper's display).</param>
/// <param name="DrawMaskContour">Whether to draw the 1-pixel boundary of the expert mask; default true.</param>
/// <param name="ContourRgb">Colour of the mask contour as 0xRRGGBB; default green 0x00FF00.</param>
/// <param name="FadeLowSaliency">Scale the opacity of each pixel by its saliency, so unimportant pixels show the slice
/// itself; default true. False gives the uniform overlay of PAIR's notebooks.</param>
/// <param name="Ceiling">The |map| value drawn at full colour; default null = this map's <paramref name="ClipPercentile"/>-th
/// percentile (per-map normalisation). Passing one value for several maps puts them on a shared scale.</param>
/// <param name="Signed">Draw the signed sum over channels (-ceiling at the colormap's start, 0 in its middle, +ceiling at its
/// end; pair with <see cref="Colormap.BlueRed"/>) instead of the default absolute value (0 at the start).</param>
public sealed record SaliencyRenderOptions(
    Colormap Colormap = Colormap.Jet,
    double Opacity = 0.5,
    double ClipPercentile = 99,
    bool DrawMaskContour = true,
    int ContourRgb = 0x00FF00,
    bool FadeLowSaliency = true,
    double? Ceiling = null,
    bool Signed = false);
