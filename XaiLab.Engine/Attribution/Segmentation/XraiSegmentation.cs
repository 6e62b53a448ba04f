using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// XRAI's segment masks as PAIR's <c>_get_segments_felzenszwalb</c> builds them, step for step: the image min-max
/// normalised to [-1, 1] in float32 (numpy's arithmetic), resized to the segmentation size by scikit-image's cubic-spline
/// resize (<see cref="SkimageResize"/>), segmented by scikit-image's Felzenszwalb at every scale
/// (<see cref="FelzenszwalbSegmentation"/>), each labelling resized back with order 0, unpacked into one mask per segment
/// (empty ones, which PAIR keeps and never picks, left out) and every mask dilated by a disk. The checked-in references
/// (References/xrai-segments.bin.gz, made by PAIR's own function) hold the labellings to equality.
/// </summary>
internal static class XraiSegmentation
{
    /// <summary>Masks (sorted pixel indices over [H, W]) of the [C, H, W] <paramref name="image"/>.</summary>
    public static List<int[]> Masks(
        Tensor image,
        int? segmentationSize,
        IReadOnlyList<double> scales,
        double sigma,
        int minSegmentSize,
        int dilationRadius)
    {
        var channels = (int)image.shape[0];
        var height = (int)image.shape[1];
        var width = (int)image.shape[2];
        float[] values;
        using (NewDisposeScope())
        {
            values = image.to_type(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        }
        var masks = SegmentMasks.Unpack(Labellings(values, channels, height, width, segmentationSize, scales, sigma, minSegmentSize));
        return dilationRadius > 0
            ? masks.Select(m => SegmentMasks.Dilate(m, height, width, dilationRadius)).ToList()
            : masks;
    }

    /// <summary>The labellings (one per scale, [H, W] at the image's size) that PAIR unpacks into masks.</summary>
    public static int[][] Labellings(float[] image, int channels, int height, int width, int? segmentationSize,
        IReadOnlyList<double> scales, double sigma, int minSegmentSize)
    {
        int segHeight = segmentationSize ?? height, segWidth = segmentationSize ?? width;
        // Without the resize, min_size (given at the 224 x 224 working size) is scaled by area so segments keep the
        // same share of the image.
        var minSize = segmentationSize is null
            ? Math.Max(1, (int)Math.Round(minSegmentSize * (double)(height * width) / (224.0 * 224.0)))
            : minSegmentSize;
        var normalised = Normalise(image);
        var segmented = segHeight != height || segWidth != width
            ? SkimageResize.Resize(normalised, channels, height, width, segHeight, segWidth)
            : normalised;
        var labellings = FelzenszwalbSegmentation.SegmentAtScales(segmented, channels, segHeight, segWidth, scales, sigma, minSize);
        return segHeight != height || segWidth != width
            ? labellings.Select(l => SkimageResize.ResizeLabels(l, segHeight, segWidth, height, width)).ToArray()
            : labellings;
    }

    // PAIR's _normalize_image in float32: (im - min) / (max - min) * 2 + -1. A constant image (numpy's 0/0) becomes -1
    // everywhere: one segment either way.
    internal static float[] Normalise(float[] image)
    {
        var min = image.Min();
        var range = image.Max() - min;
        var result = new float[image.Length];
        for (var i = 0; i < image.Length; i++)
        {
            var unit = range > 0 ? (image[i] - min) / range : 0f;
            result[i] = unit * 2f + -1f;
        }
        return result;
    }
}
