using System.Collections.Concurrent;
using TorchSharp;
using TorchSharp.Modules;
using XaiLab.Engine.Models.Blocks;
using static TorchSharp.torch;

namespace XaiLab.Engine.Models;

/// <summary>
/// Describes networks (<see cref="ModelProperties"/>): builds the model once on the CPU, counts its weights and layers
/// and measures FLOPs with forward hooks on one zero image. Results are cached per spec for the process lifetime, since
/// building VGG or Inception-ResNet-v2 takes seconds.
/// </summary>
public static class ModelCatalog
{
    private static readonly ConcurrentDictionary<ModelSpec, Lazy<ModelProperties>> Cache = new();

    /// <summary>The properties of the network <paramref name="spec"/> builds; cached per spec.</summary>
    public static ModelProperties Describe(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Cache.GetOrAdd(spec, s => new Lazy<ModelProperties>(() => Measure(s))).Value;
    }

    /// <summary>
    /// Keras-style parameter count: trainable parameters plus batch-norm moving statistics when
    /// <paramref name="includeBatchNormStatistics"/> (default true), as Keras's "total params".
    /// </summary>
    public static long CountParameters(nn.Module model, bool includeBatchNormStatistics = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var count = model.parameters().Sum(p => p.numel());
        if (includeBatchNormStatistics)
        {
            count += model.named_buffers()
                .Where(b => b.name.EndsWith("running_mean", StringComparison.Ordinal)
                    || b.name.EndsWith("running_var", StringComparison.Ordinal))
                .Sum(b => b.buffer.numel());
        }
        return count;
    }

    private static ModelProperties Measure(ModelSpec spec)
    {
        using var model = ModelFactory.Create(spec);
        var parameters = CountParameters(model);
        var (depth, weightDepth) = CountLayers(model);
        model.eval();
        var macs = 0L;
        var removers = new List<Action>();
        try
        {
            foreach (var module in model.modules())
            {
                if (module is Conv2d conv)
                {
                    // weight: [out, in / groups, kh, kw]; each output element costs in/groups * kh * kw MACs.
                    var convHook = conv.register_forward_hook((m, _, output) =>
                    {
                        var w = ((Conv2d)m).weight!.shape;
                        macs += output.numel() * w[1] * w[2] * w[3];
                        return output;
                    });
                    removers.Add(convHook.remove);
                }
                else if (module is Linear linear)
                {
                    var linearHook = linear.register_forward_hook((m, _, output) =>
                    {
                        macs += output.numel() * ((Linear)m).weight!.shape[1];
                        return output;
                    });
                    removers.Add(linearHook.remove);
                }
            }
            using var noGrad = torch.no_grad();
            using var scope = NewDisposeScope();
            var input = zeros(1, spec.InputChannels, spec.InputSize, spec.InputSize);
            var featureMap = model.ForwardFeatureMap(input);
            var embedding = model.Embed(featureMap);
            model.ForwardHead(featureMap);
            return new ModelProperties(
                spec.Architecture.ToApiName(),
                parameters,
                CountParameters(model, includeBatchNormStatistics: false),
                parameters * 4.0 / (1 << 20),
                depth,
                weightDepth,
                2 * macs,
                ModelFactory.MinimumInputSize(spec.Architecture),
                featureMap.shape[1],
                featureMap.shape[2],
                embedding.shape[1]);
        }
        finally
        {
            foreach (var remove in removers) remove();
        }
    }

    private static (int Depth, int WeightLayers) CountLayers(nn.Module module) => module switch
    {
        SeparableConv2d or Conv2d or Linear => (1, 1),
        BatchNorm2d => (1, 0),
        _ => module.children().Select(CountLayers).Aggregate((0, 0), (a, b) => (a.Item1 + b.Item1, a.Item2 + b.Item2)),
    };
}
