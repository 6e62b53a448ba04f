using System.Collections.Concurrent;
using System.Diagnostics;
using XaiLab.Engine.Models;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services.Models;

namespace XaiLab.Web.Jobs.Artifacts;

/// <summary>
/// Table 3 properties of every architecture per input configuration, computed lazily on first request and kept for the
/// process lifetime: describing builds each network and runs one image through it, which takes seconds for VGG or
/// Inception-ResNet-v2 at 224. Concurrent requests for the same architecture and configuration share one computation.
/// </summary>
public sealed class ModelPropertiesCache(ILogger<ModelPropertiesCache> logger)
{
    private readonly ConcurrentDictionary<ModelSpec, Lazy<ModelResponse>> entries = new();

    /// <summary>All architectures in declaration order; off the request thread, since the first call builds networks.</summary>
    public Task<IReadOnlyList<ModelResponse>> DescribeAllAsync(ModelQuery query, CancellationToken cancellationToken = default) =>
        Task.Run<IReadOnlyList<ModelResponse>>(
            () => ArchitectureNames.All.Keys.Select(a => Describe(a, query)).ToList(), cancellationToken)
            .WaitAsync(cancellationToken);

    /// <summary>One architecture at the configuration; unsupported sizes give an entry with the error rather than throwing.</summary>
    public ModelResponse Describe(Architecture architecture, ModelQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var spec = new ModelSpec(architecture, query.Channels, query.Classes, query.Size);
        return entries.GetOrAdd(spec, s => new Lazy<ModelResponse>(() => Measure(s))).Value;
    }

    private ModelResponse Measure(ModelSpec spec)
    {
        var name = spec.Architecture.ToApiName();
        var minimum = ModelFactory.MinimumInputSize(spec.Architecture);
        if (spec.InputSize < minimum)
        {
            return Unsupported(name, minimum, $"{name} needs an input of at least {minimum}×{minimum} pixels; {spec.InputSize} was asked for.");
        }
        var watch = Stopwatch.StartNew();
        try
        {
            var p = ModelCatalog.Describe(spec);
            logger.LogInformation("Described {Architecture} at {Size}px, {Channels} channels, {Classes} classes in {Milliseconds} ms",
                name, spec.InputSize, spec.InputChannels, spec.Classes, watch.ElapsedMilliseconds);
            return new ModelResponse(name, true, null, p.Parameters, p.TrainableParameters, p.SizeMb, p.Depth,
                p.WeightLayerDepth, p.Flops, p.MinInputSize, p.EmbeddingLength);
        }
        catch (Exception e) when (e is ArgumentException or System.Runtime.InteropServices.ExternalException)
        {
            // A network that refuses this configuration (libtorch reports shape errors as ExternalException) gets an
            // entry with the reason, so one architecture cannot fail the whole list.
            logger.LogWarning(e, "Cannot describe {Architecture} at {Size}px", name, spec.InputSize);
            return Unsupported(name, minimum, e.Message);
        }
    }

    private static ModelResponse Unsupported(string name, int minimum, string error) =>
        new(name, false, error, null, null, null, null, null, null, minimum, null);
}
