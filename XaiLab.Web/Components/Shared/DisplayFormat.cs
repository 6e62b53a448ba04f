using System.Globalization;

namespace XaiLab.Web.Components.Shared;

/// <summary>How numbers read in the UI, the same whatever the server's culture: "75.0%", "0.0031".</summary>
public static class DisplayFormat
{
    public static string Percent(double share, int decimals = 0) =>
        (share * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";
}
