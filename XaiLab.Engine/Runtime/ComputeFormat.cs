using TorchSharp;
using static TorchSharp.torch;

namespace XaiLab.Engine.Runtime;

/// <summary>
/// How a model's tensors are laid out and typed while it computes. TorchSharp 0.107 exposes neither
/// <c>memory_format</c> nor autocast, so channels-last is made from strides (a 4-D tensor copied as NHWC and viewed as
/// NCHW, which libtorch's convolutions recognise and keep) and bf16 by explicit casts.
/// </summary>
/// <param name="Precision">Number format; default <see cref="NumericPrecision.Float32"/> (measured fastest on the
/// project's CPU, which has no bf16 arithmetic; see docs/performance.md).</param>
/// <param name="ChannelsLast">NHWC strides for convolution weights and inputs; default false (see docs/performance.md for
/// the measurement that chose it).</param>
public sealed record ComputeFormat(NumericPrecision Precision = NumericPrecision.Float32, bool ChannelsLast = false)
{
    /// <summary>float32, NCHW: the reference format.</summary>
    public static ComputeFormat Default { get; } = new();

    /// <summary>The dtype of <see cref="Precision"/>.</summary>
    public ScalarType ScalarType => Precision == NumericPrecision.BFloat16 ? ScalarType.BFloat16 : ScalarType.Float32;

    /// <summary>
    /// Converts a model's parameters in place for inference (same parameter objects). Channels-last weights cannot be
    /// saved by TorchSharp's <c>Module.save</c> (it needs contiguous tensors), so training converts only its batches, see
    /// <see cref="Input"/>.
    /// </summary>
    public void Prepare(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (Precision != NumericPrecision.Float32)
        {
            module.to(ScalarType);
        }
        if (ChannelsLast)
        {
            using var noGrad = no_grad();
            foreach (var parameter in module.parameters().Where(p => p.dim() == 4))
            {
                using var nhwc = ToChannelsLast(parameter);
                parameter.set_(nhwc);
            }
        }
    }

    /// <summary>An input batch [N, C, H, W] in this format: cast, and NHWC strides when asked. Differentiable.</summary>
    public Tensor Input(Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var typed = batch.dtype == ScalarType ? batch : batch.to_type(ScalarType);
        return ChannelsLast && typed.dim() == 4 ? ToChannelsLast(typed) : typed;
    }

    /// <summary>A 4-D tensor with the same shape and values and NHWC strides (a copy).</summary>
    public static Tensor ToChannelsLast(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var scope = NewDisposeScope();
        return tensor.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).MoveToOuterDisposeScope();
    }
}
