using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>Checks and conversions shared by the attribution methods.</summary>
internal static class AttributionInputs
{
    public static void CheckShape(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3)
        {
            throw new ArgumentException($"Attribution explains one input [C, H, W]; got {input.dim()} dimensions.", nameof(input));
        }
    }

    /// <summary>A batch method's <see cref="IAttributionMethod.Explain"/>: the one input as a batch of one.</summary>
    public static AttributionMap ExplainOne(IBatchAttributionMethod method, IModelProbe probe, Tensor input, long target,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        CheckShape(input);
        using var scope = NewDisposeScope();
        return method.ExplainMany(probe, input.unsqueeze(0), target, progress, cancellationToken)[0];
    }

    public static void CheckBatchShape(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() != 4 || inputs.shape[0] < 1)
        {
            throw new ArgumentException($"Batched attribution explains inputs [N, C, H, W] with N >= 1; got [{string.Join(", ", inputs.shape)}].", nameof(inputs));
        }
    }

    /// <summary>One map per row of a [N, C, H, W] tensor, copied to the host in a single transfer.</summary>
    public static AttributionMap[] ToMaps(Tensor maps)
    {
        var values = ToArray(maps);
        var (n, c, h, w) = ((int)maps.shape[0], (int)maps.shape[1], (int)maps.shape[2], (int)maps.shape[3]);
        var size = c * h * w;
        var result = new AttributionMap[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = new AttributionMap(values.AsSpan(i * size, size).ToArray(), c, h, w);
        }
        return result;
    }

    /// <summary>The values of a tensor as float32 on the CPU, row-major.</summary>
    public static float[] ToArray(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
    }
}
