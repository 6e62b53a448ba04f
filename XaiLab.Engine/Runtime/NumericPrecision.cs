namespace XaiLab.Engine.Runtime;

/// <summary>Number format a model computes in (TorchSharp 0.107 has no autocast, so the cast is explicit).</summary>
public enum NumericPrecision
{
    /// <summary>float32 everywhere: the default and the reference.</summary>
    Float32,

    /// <summary>
    /// bfloat16 weights and activations (8 bits of mantissa, float32's range); outputs and input gradients come back as
    /// float32. Pays off only where the CPU has bf16 arithmetic (AVX-512 BF16 / AMX) or on a GPU.
    /// </summary>
    BFloat16,
}
