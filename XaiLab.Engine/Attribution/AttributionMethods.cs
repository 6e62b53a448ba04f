namespace XaiLab.Engine.Attribution;

/// <summary>
/// Builds attribution methods from their API names: vanilla-gradient, integrated-gradients, blur-ig, guided-ig, xrai,
/// xrai-top30, grad-cam, occlusion, and smooth-&lt;any of them&gt; for the SmoothGrad wrapper. The names are a contract.
/// </summary>
public static class AttributionMethods
{
    private static readonly Dictionary<AttributionMethodKind, string> Names = new()
    {
        [AttributionMethodKind.VanillaGradient] = "vanilla-gradient",
        [AttributionMethodKind.IntegratedGradients] = "integrated-gradients",
        [AttributionMethodKind.BlurIntegratedGradients] = "blur-ig",
        [AttributionMethodKind.GuidedIntegratedGradients] = "guided-ig",
        [AttributionMethodKind.Xrai] = "xrai",
        [AttributionMethodKind.XraiTop30] = "xrai-top30",
        [AttributionMethodKind.GradCam] = "grad-cam",
        [AttributionMethodKind.Occlusion] = "occlusion",
    };

    /// <summary>Every method's API name, without the smooth- variants.</summary>
    public static IReadOnlyDictionary<AttributionMethodKind, string> All => Names;

    public static string ToApiName(this AttributionMethodKind kind) => Names[kind];

    /// <summary>True for a known name (smooth- prefixes included, once).</summary>
    public static bool IsKnown(string? apiName) => TryCreate(apiName, null, out _);

    /// <summary>Creates a method; the error lists the valid names.</summary>
    public static IAttributionMethod Create(string apiName, AttributionOptions? options = null) =>
        TryCreate(apiName, options, out var method)
            ? method
            : throw new ArgumentException(
                $"Unknown attribution method '{apiName}'. Valid: {string.Join(", ", Names.Values)}, or smooth-<method>.", nameof(apiName));

    private static bool TryCreate(string? apiName, AttributionOptions? options, out IAttributionMethod method)
    {
        options ??= new AttributionOptions();
        var name = apiName?.Trim().ToLowerInvariant() ?? string.Empty;
        if (name.StartsWith(SmoothGrad.ApiNamePrefix, StringComparison.Ordinal) &&
            !name[SmoothGrad.ApiNamePrefix.Length..].StartsWith(SmoothGrad.ApiNamePrefix, StringComparison.Ordinal) &&
            TryCreate(name[SmoothGrad.ApiNamePrefix.Length..], options, out var inner))
        {
            method = new SmoothGrad(inner)
            {
                Samples = options.SmoothGradSamples ?? 25,
                Magnitude = options.SmoothGradMagnitude,
                Seed = (ulong)options.Seed,
            };
            return true;
        }

        var kind = Names.FirstOrDefault(pair => pair.Value == name).Key;
        if (!Names.TryGetValue(kind, out var known) || known != name)
        {
            method = null!;
            return false;
        }
        method = Create(kind, options);
        return true;
    }

    private static IAttributionMethod Create(AttributionMethodKind kind, AttributionOptions options) => Create(
        kind, options, options.InternalBatchSize ?? AttributionOptions.DefaultInternalBatchSize);

    private static IAttributionMethod Create(AttributionMethodKind kind, AttributionOptions options, int batch) => kind switch
    {
        AttributionMethodKind.VanillaGradient => new VanillaGradient { InternalBatchSize = batch },
        AttributionMethodKind.IntegratedGradients => new IntegratedGradients(
            steps: options.Steps ?? 25, baseline: options.Baseline, internalBatchSize: batch,
            seed: options.Seed, rule: options.IntegrationRule),
        AttributionMethodKind.BlurIntegratedGradients => new BlurIntegratedGradients
        {
            Steps = options.Steps ?? 100, InternalBatchSize = batch,
        },
        AttributionMethodKind.GuidedIntegratedGradients => new GuidedIntegratedGradients { Steps = options.Steps ?? 200, InternalBatchSize = batch },
        AttributionMethodKind.Xrai => new Xrai { Steps = options.Steps ?? 100, InternalBatchSize = batch },
        AttributionMethodKind.XraiTop30 => new XraiTop30(new Xrai { Steps = options.Steps ?? 100, InternalBatchSize = batch }),
        AttributionMethodKind.GradCam => new GradCam(),
        AttributionMethodKind.Occlusion => new Occlusion { InternalBatchSize = options.InternalBatchSize ?? 32 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
