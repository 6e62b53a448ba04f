using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using static TorchSharp.torch;

namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// The model-parameter randomisation test of Adebayo et al. 2018 ("Sanity Checks for Saliency Maps"), cascading: layers
/// that own parameters are re-initialised one after another from the output down to the input, and after each the map
/// is recomputed and compared with the trained model's map by Spearman rank correlation and SSIM. A method whose maps
/// barely change does not depend on what the model learned. Re-initialisation is a fresh PyTorch default: convolution
/// and linear weights Kaiming-uniform (a = sqrt 5), their biases uniform in +-1/sqrt(fan in); batch-norm scale 1 and
/// shift 0 (running statistics kept). Maps are reduced to one value per pixel (sum over channels) and, by default,
/// compared in absolute value, as Adebayo et al.'s main figures. The model's trained weights are restored afterwards, also
/// on errors or cancellation.
/// </summary>
public sealed class CascadingRandomisation
{
    /// <summary>Compare |map| (default true, Adebayo et al.'s absolute-value comparison) or the signed maps.</summary>
    public bool Absolute { get; init; } = true;

    /// <summary>Seed of the re-initialisation. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Recompute the map after every this many layers (the last step always runs). Default 1: every layer, as the paper;
    /// deep networks (DenseNet121 has over 200 parameterised layers) may want a coarser cascade.
    /// </summary>
    public int LayersPerStep { get; init; } = 1;

    /// <summary>Runs the cascade. <paramref name="probe"/> must answer for <paramref name="model"/> (e.g. a <see cref="ClassifierProbe"/>).</summary>
    public IReadOnlyList<RandomisationStep> Run(
        ClassifierModel model,
        IModelProbe probe,
        IAttributionMethod method,
        Tensor input,
        long target,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(LayersPerStep, 1);

        var layers = model.named_modules()
            .Where(m => m.module.named_parameters(recurse: false).Any())
            .Reverse()
            .ToList();
        List<Tensor> trained;
        using (NewDisposeScope())
        {
            trained = model.parameters().Select(p => p.detach().clone().MoveToOuterDisposeScope()).ToList();
        }
        try
        {
            var original = PerPixel(method.Explain(probe, input, target, cancellationToken: cancellationToken));
            var steps = new List<RandomisationStep>();
            using var generator = new Generator((ulong)Seed);
            for (var i = 0; i < layers.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Reinitialise(layers[i].module, generator);
                if ((i + 1) % LayersPerStep != 0 && i != layers.Count - 1) continue;
                var map = method.Explain(probe, input, target, cancellationToken: cancellationToken);
                var values = PerPixel(map);
                steps.Add(new RandomisationStep(layers[i].name, i + 1, SpearmanRank.Correlation(original, values),
                    StructuralSimilarity.Of(original, values, map.Height, map.Width), values));
            }
            return steps;
        }
        finally
        {
            using (no_grad())
            {
                foreach (var (parameter, saved) in model.parameters().Zip(trained))
                {
                    parameter.copy_(saved);
                }
            }
            foreach (var saved in trained) saved.Dispose();
        }
    }

    private float[] PerPixel(AttributionMap map)
    {
        var values = map.SumOverChannels();
        return Absolute ? values.Select(Math.Abs).ToArray() : values;
    }

    private static void Reinitialise(nn.Module module, Generator generator)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var parameters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        var isNorm = module is TorchSharp.Modules.BatchNorm2d or TorchSharp.Modules.BatchNorm1d;
        foreach (var (name, parameter) in parameters)
        {
            if (isNorm)
            {
                parameter.fill_(name == "weight" ? 1.0 : 0.0);
            }
            else if (parameter.dim() >= 2)
            {
                // Kaiming-uniform with a = sqrt(5): bound = 1 / sqrt(fan in), PyTorch's default for convolutions and linears.
                var bound = 1.0 / Math.Sqrt(parameter[0].numel());
                parameter.copy_(rand(parameter.shape, parameter.dtype, CPU, generator: generator).mul(2 * bound).sub(bound));
            }
            else
            {
                var weight = parameters.GetValueOrDefault("weight");
                var fanIn = weight is not null && weight.dim() >= 2 ? weight[0].numel() : parameter.numel();
                var bound = 1.0 / Math.Sqrt(fanIn);
                parameter.copy_(rand(parameter.shape, parameter.dtype, CPU, generator: generator).mul(2 * bound).sub(bound));
            }
        }
    }
}
