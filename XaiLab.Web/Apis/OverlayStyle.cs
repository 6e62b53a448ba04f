using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Web.Services;

namespace XaiLab.Web.Apis;

/// <summary>
/// The query options every attribution rendering shares: <c>colormap</c> (default jet), <c>opacity</c> 0..1 (default
/// 0.5) and <c>sign</c> absolute (default) or signed.
/// </summary>
public sealed record OverlayStyle(Colormap Palette, double Opacity, bool Signed)
{
    /// <exception cref="RequestValidationException">An unknown colormap or sign, or an opacity outside 0..1.</exception>
    public static OverlayStyle Parse(string? colormap, double? opacity, string? sign)
    {
        var palette = Colormap.Jet;
        if (colormap is not null && (!Enum.TryParse(colormap, ignoreCase: true, out palette) || !Enum.IsDefined(palette)))
        {
            throw new RequestValidationException(
                $"Unknown colormap '{colormap}'. Valid: {string.Join(", ", Enum.GetNames<Colormap>().Select(n => n.ToLowerInvariant()))}.");
        }
        if (opacity is < 0 or > 1)
        {
            throw new RequestValidationException("opacity must be between 0 and 1.");
        }
        var signed = (sign ?? "absolute").Trim().ToLowerInvariant();
        if (signed is not ("absolute" or "signed"))
        {
            throw new RequestValidationException($"Unknown sign '{sign}'. Valid: absolute, signed.");
        }
        return new OverlayStyle(palette, opacity ?? 0.5, signed == "signed");
    }
}
