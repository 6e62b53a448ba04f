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

    /// <summary>
    /// Side of the square occluding window in pixels. Default null = <see cref="AutoWindow"/>: 8 up to 112-pixel inputs,
    /// then 1/14 of the shorter side (16 at 224), so a map costs about 730 forward passes whatever the size instead of
    /// 3,025 at 224 with a fixed 8-pixel window (262 s for DenseNet121 on 2 CPU threads).
    /// </summary>
    public int? Window { get; init; }

    /// <summary>Step between windows in pixels. Default null = half the window, so windows overlap.</summary>
    public int? Stride { get; init; }

    /// <summary>The default window for an input: 1/14 of its shorter side, at least 8 pixels.</summary>
    public static int AutoWindow(int height, int width) => Math.Max(8, (int)Math.Round(Math.Min(height, width) / 14.0));

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
        var height = (int)input.shape[1];
        var width = (int)input.shape[2];
        var window = Window ?? AutoWindow(height, width);
        var stride = Stride ?? Math.Max(1, window / 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1, nameof(Stride));
        ArgumentOutOfRangeException.ThrowIfLessThan(InternalBatchSize, 1);
        cancellationToken.ThrowIfCancellationRequested();

        var windowHeight = Math.Min(window, height);
        var windowWidth = Math.Min(window, width);
        var windows = (from top in Starts(height, windowHeight, stride) from left in Starts(width, windowWidth, stride) select (top, left)).ToArray();

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

    private static IEnumerable<int> Starts(int size, int window, int stride)
    {
        var last = size - window;
        for (var start = 0; start <= last; start += stride)
        {
            yield return start;
        }
        if (last % stride != 0)
        {
            yield return last;
        }
    }
}
