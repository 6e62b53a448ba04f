using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using XaiLab.Data.Entities;
using XaiLab.Engine.Attribution;

namespace XaiLab.Web.Services.Attributions;

/// <summary>
/// The parameters a method actually uses, in a canonical text form, and the cache key of one map. Steps count only for
/// the integrated-gradient family and the seed and magnitude only for SmoothGrad, so e.g. a Grad-CAM map is shared by requests that
/// differ in steps; the internal batch size never changes a map and is left out.
/// </summary>
public static class AttributionParameters
{
    private static readonly HashSet<string> StepMethods =
        ["integrated-gradients", "blur-ig", "guided-ig", "xrai", "xrai-top30"];

    /// <summary>
    /// Canonical text, e.g. "steps=8" or "defaults". SmoothGrad's names its magnitude ("seed=1;magnitude=true"), so maps
    /// cached before the magnitude default followed PAIR ("seed=1", signed means) are never served as the new ones.
    /// </summary>
    public static string Describe(string method, int? steps, int seed, bool magnitude = true)
    {
        var smooth = method.StartsWith(SmoothGrad.ApiNamePrefix, StringComparison.Ordinal);
        var inner = smooth ? method[SmoothGrad.ApiNamePrefix.Length..] : method;
        var parts = new List<string>();
        if (StepMethods.Contains(inner))
        {
            parts.Add($"steps={steps?.ToString(CultureInfo.InvariantCulture) ?? "default"}");
        }
        if (smooth)
        {
            parts.Add($"seed={seed.ToString(CultureInfo.InvariantCulture)}");
            parts.Add(magnitude ? "magnitude=true" : "magnitude=false");
        }
        if (inner is "xrai" or "xrai-top30")
        {
            // Segments as PAIR computes them (scikit-image's resize and Felzenszwalb, exactly): maps from the earlier
            // approximation are not reused.
            parts.Add("segments=pair");
        }
        if (inner == "occlusion")
        {
            // The window follows the input size (Occlusion.AutoWindow); maps from the fixed 8-pixel default are not reused.
            parts.Add("window=auto");
        }
        return parts.Count == 0 ? "defaults" : string.Join(';', parts);
    }

    /// <summary>Hex SHA-256 of <see cref="Describe"/>'s text.</summary>
    public static string Hash(string description) => Sha256(description);

    /// <summary>The map's identity: the run's weights, the method, the slice's content and the parameters.</summary>
    public static string CacheKey(TrainingRun run, string method, int sliceId, string sliceContentHash, string description) =>
        Sha256(string.Join('|',
            $"run:{run.Id.ToString(CultureInfo.InvariantCulture)}:{run.CheckpointPath}:{run.CompletedEpochs.ToString(CultureInfo.InvariantCulture)}",
            $"method:{method}",
            $"slice:{sliceId.ToString(CultureInfo.InvariantCulture)}:{sliceContentHash}",
            $"parameters:{description}"));

    /// <summary>The registry's options for a request's parameters.</summary>
    public static AttributionOptions Options(AttributionRequest request) =>
        new(Steps: request.Steps, InternalBatchSize: request.InternalBatchSize, Seed: request.Seed, SmoothGradMagnitude: request.SmoothGradMagnitude);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
