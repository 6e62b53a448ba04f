using System.Globalization;

namespace XaiLab.Web.Apis.Contracts;

/// <summary>The addresses of one stored attribution map's files.</summary>
public static class AttributionMapUrls
{
    /// <summary>The overlay PNG as stored: <c>/api/attributions/maps/{id}/overlay.png</c>.</summary>
    public static string Overlay(int mapId) => string.Create(CultureInfo.InvariantCulture, $"/api/attributions/maps/{mapId}/overlay.png");
}
