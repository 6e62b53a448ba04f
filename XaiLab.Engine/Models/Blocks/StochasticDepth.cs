using static TorchSharp.torch;

namespace XaiLab.Engine.Models.Blocks;

/// <summary>
/// Drop connect / stochastic depth (Huang et al. 2016) per sample: in training, zeroes a residual branch for a random
/// subset of the batch with probability <c>rate</c> and scales the rest by 1/(1 - rate); the identity in evaluation.
/// Keras's EfficientNet does the same with <c>Dropout(noise_shape=(None, 1, 1, 1))</c>.
/// </summary>
internal sealed class StochasticDepth : nn.Module<Tensor, Tensor>
{
    private readonly double rate;

    public StochasticDepth(double rate) : base(nameof(StochasticDepth))
    {
        if (rate is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be in [0, 1).");
        this.rate = rate;
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || rate == 0) return input.alias();
        using var scope = NewDisposeScope();
        var keep = 1 - rate;
        var mask = (rand([input.shape[0], 1, 1, 1], dtype: input.dtype, device: input.device) < keep).to_type(input.dtype);
        return (input * mask / keep).MoveToOuterDisposeScope();
    }
}
