using TorchSharp;
using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution;

/// <summary>
/// Occlusion (Zeiler and Fergus 2014) as captum's sliding-window Occlusion: a <see cref="Window"/>-square patch (all
/// channels) is filled and slid with <see cref="Stride"/>; each pixel gets the mean, over the windows covering it, of the
/// drop in the explained output, f(x) - f(x occluded). Where the strides do not reach the bottom or right edge one extra
/// window is placed flush with it, so every pixel is covered (captum leaves such pixels out). The map has one channel
/// [1, H, W]. Not in the paper. API name "occlusion".
/// </summary>
public sealed class Occlusion : IAttributionMethod
{
    public string ApiName => "occlusion";

    /// <summary>Side of the square occluding window in pixels. Default 8.</summary>
    public int Window { get; init; } = 8;

    /// <summary>Step between windows in pixels. Default 4 (half the window, so windows overlap).</summary>
    public int Stride { get; init; } = 4;

    /// <summary>Fill of the occluded window. Default <see cref="OcclusionFill.Zero"/>.</summary>
    public OcclusionFill Fill { get; init; } = OcclusionFill.Zero;

    /// <summary>Occluded images per model call. Default 32; the map does not depend on it.</summary>
    public int InternalBatchSize { get; init; } = 32;

    public AttributionMap Explain(
        IModelProbe probe,
        Tensor input,
        long target,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Stride, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(InternalBatchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();

        var height = (int)input.shape[1];
        var width = (int)input.shape[2];
        var windowHeight = Math.Min(Window, height);
        var windowWidth = Math.Min(Window, width);
        var windows = (from top in Starts(height, windowHeight) from left in Starts(width, windowWidth) select (top, left)).ToArray();

        var sum = new double[height * width];
        var count = new int[height * width];
        using var scope = NewDisposeScope();
        var image = input.unsqueeze(0);
        var fill = Fill == OcclusionFill.Zero ? zeros_like(image) : image.mean([2, 3], keepdim: true).expand_as(image);
        var reference = probe.Outputs(image)[0, target].ToDouble();
        for (var start = 0; start < windows.Length; start += InternalBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = windows.Skip(start).Take(InternalBatchSize).ToArray();
            double[] outputs;
            using (NewDisposeScope())
            {
                var masks = new float[batch.Length * height * width];
                for (var b = 0; b < batch.Length; b++)
                {
                    var (top, left) = batch[b];
                    for (var y = top; y < top + windowHeight; y++)
                        for (var x = left; x < left + windowWidth; x++) masks[(b * height + y) * width + x] = 1f;
                }
                var mask = tensor(masks, [batch.Length, 1, height, width]).to(input.device).to_type(input.dtype);
                var occluded = image * (1 - mask) + fill * mask;
                outputs = probe.Outputs(occluded)[.., target].to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            }
            for (var b = 0; b < batch.Length; b++)
            {
                var (top, left) = batch[b];
                var drop = reference - outputs[b];
                for (var y = top; y < top + windowHeight; y++)
                {
                    for (var x = left; x < left + windowWidth; x++)
                    {
                        sum[y * width + x] += drop;
                        count[y * width + x]++;
                    }
                }
            }
            progress?.Report((double)Math.Min(start + InternalBatchSize, windows.Length) / windows.Length);
        }

        var values = new float[sum.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(sum[i] / count[i]);
        }
        return new AttributionMap(values, 1, height, width);
    }

    private IEnumerable<int> Starts(int size, int window)
    {
        var last = size - window;
        for (var start = 0; start <= last; start += Stride)
        {
            yield return start;
        }
        if (last % Stride != 0)
        {
            yield return last;
        }
    }
}
