using System.Globalization;
using System.Text.Json;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.ModelCards;

/// <summary>
/// The part of a model card that travels inside an exported .safetensors file's <c>__metadata__</c> (strings only):
/// what a file cut off from XaiLab needs to be used correctly, and nothing that changes after the checkpoint was written
/// (metrics and the environment are written after the last epoch, so they stay in the card). The JSON values are
/// spelled as the card's (camelCase).
/// </summary>
public static class ModelCardMetadata
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The keys: <c>xailab.preprocessing</c> (the card's preprocessing object), <c>xailab.classes</c> (JSON array,
    /// index order), <c>xailab.architecture</c>, <c>xailab.inputSize</c>, <c>xailab.channels</c>, <c>xailab.head</c>,
    /// <c>xailab.dataset</c> (id, name, versionHash).</summary>
    public static IReadOnlyDictionary<string, string> Of(ModelCardResponse card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Dictionary<string, string>
        {
            ["xailab.preprocessing"] = JsonSerializer.Serialize(card.Preprocessing, Json),
            ["xailab.classes"] = JsonSerializer.Serialize(card.Classes, Json),
            ["xailab.architecture"] = card.Architecture,
            ["xailab.inputSize"] = card.InputSize.ToString(CultureInfo.InvariantCulture),
            ["xailab.channels"] = card.Channels.ToString(CultureInfo.InvariantCulture),
            ["xailab.head"] = card.Head,
            ["xailab.dataset"] = JsonSerializer.Serialize(card.Dataset, Json),
        };
    }
}
