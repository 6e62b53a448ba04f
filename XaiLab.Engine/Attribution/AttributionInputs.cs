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

    /// <summary>The values of a tensor as float32 on the CPU, row-major.</summary>
    public static float[] ToArray(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        return tensor.detach().to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
    }
}
