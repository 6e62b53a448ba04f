using XaiLab.Engine.Attribution;
using static TorchSharp.torch;

namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Scores batches of perturbed images with a model probe for <see cref="DeletionInsertion"/>: each image's explained output
/// (probability by default, see <see cref="ExplainedOutput"/>) of the target class, <see cref="BatchSize"/> images per
/// model call. Rows are independent in eval mode, so the scores do not depend on the batch size.
/// </summary>
public sealed class ProbeImageScorer
{
    private readonly IModelProbe probe;
    private readonly long target;
    private readonly long[] shape;

    /// <param name="probe">The model probe.</param>
    /// <param name="target">The class whose output is scored.</param>
    /// <param name="channels">Channels of every image.</param>
    /// <param name="height">Height of every image.</param>
    /// <param name="width">Width of every image.</param>
    /// <param name="device">Where the batches are built; default the CPU (the probe moves them to its model).</param>
    public ProbeImageScorer(IModelProbe probe, long target, int channels, int height, int width, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        this.probe = probe;
        this.target = target;
        shape = [channels, height, width];
        Device = device ?? CPU;
    }

    /// <summary>Images per model call. Default 32; memory only, never the scores.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The device batches are built on.</summary>
    public Device Device { get; }

    /// <summary>The target's output for every image, in order.</summary>
    public double[] Score(IReadOnlyList<float[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        var plane = (int)(shape[0] * shape[1] * shape[2]);
        var scores = new double[images.Count];
        for (var start = 0; start < images.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, images.Count - start);
            var values = new float[count * plane];
            for (var i = 0; i < count; i++)
            {
                if (images[start + i].Length != plane)
                {
                    throw new ArgumentException($"Image {start + i} has {images[start + i].Length} values, not {plane}.", nameof(images));
                }
                images[start + i].CopyTo(values, i * plane);
            }
            using var scope = NewDisposeScope();
            var batch = tensor(values, [count, shape[0], shape[1], shape[2]], device: Device);
            var outputs = probe.Outputs(batch)[TensorIndex.Colon, target].to_type(ScalarType.Float64).cpu();
            outputs.data<double>().ToArray().CopyTo(scores, start);
        }
        return scores;
    }
}
