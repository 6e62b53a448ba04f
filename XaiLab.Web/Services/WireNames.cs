using System.Text.Json;
using System.Text.Json.Serialization;

namespace XaiLab.Web.Services;

/// <summary>
/// The one spelling of closed choices (statuses, kinds, splits, sources…) outside the app: lower-case kebab, so
/// <c>RunStatus.Succeeded</c> is <c>"succeeded"</c> and a two-word value would be <c>"time-decay"</c>. Inside the app they
/// are enums; the API's JSON writes and reads them through <see cref="Converter"/> (registered once for every route), and
/// CSV files and messages through <see cref="Of{T}"/>.
/// </summary>
public static class WireNames
{
    public static JsonNamingPolicy Policy { get; } = JsonNamingPolicy.KebabCaseLower;

    /// <summary>The converter of every enum in a request or response body: names only, numbers refused.</summary>
    public static JsonStringEnumConverter Converter() => new(Policy, allowIntegerValues: false);

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Policy.ConvertName(value.ToString());
}
