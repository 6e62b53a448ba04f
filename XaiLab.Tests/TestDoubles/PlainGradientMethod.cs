using XaiLab.Engine.Attribution;
using static TorchSharp.torch;

namespace XaiLab.Tests.TestDoubles;

/// <summary>A test-only inner method for wrappers: the probe's input gradient, as is.</summary>
public sealed class PlainGradientMethod : IAttributionMethod
{
    public string ApiName => "test-gradient";

    public int Calls { get; private set; }

    public AttributionMap Explain(IModelProbe probe, Tensor input, long target, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        cancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        var gradient = probe.InputGradients(input.unsqueeze(0), [target])[0];
        progress?.Report(1.0);
        return new AttributionMap(gradient.cpu().to_type(ScalarType.Float32).data<float>().ToArray(),
            (int)input.shape[0], (int)input.shape[1], (int)input.shape[2]);
    }
}
