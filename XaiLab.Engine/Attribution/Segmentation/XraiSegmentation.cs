using static TorchSharp.torch;

namespace XaiLab.Engine.Attribution.Segmentation;

/// <summary>
/// XRAI's segment masks as PAIR's <c>_get_segments_felzenszwalb</c> builds them: the image is min-max normalised to
/// [-1, 1] and resized (bicubic) to the segmentation size, segmented by Felzenszwalb at every scale, each labelling
/// resized back with nearest neighbour, unpacked into one mask per segment and every mask dilated by a disk.
/// Where it still departs from PAIR: the resize to the segmentation size is libtorch's bicubic interpolation (a = -0.75,
/// edge-clamped), not scikit-image's <c>resize(order=3, mode='constant', anti_aliasing=True)</c> (a cubic B-spline with
/// zero padding and clipping), so the segmented pixels, and with them XRAI's ranking, can differ; the segmentation itself
/// equals scikit-image's (<see cref="FelzenszwalbSegmentation"/>).
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
        int segHeight = segmentationSize ?? height, segWidth = segmentationSize ?? width;
        // Without the resize, min_size (given at the 224 x 224 working size) is scaled by area so segments keep the
        // same share of the image.
        var minSize = segmentationSize is null
            ? Math.Max(1, (int)Math.Round(minSegmentSize * (double)(height * width) / (224.0 * 224.0)))
            : minSegmentSize;

        float[] values;
        using (NewDisposeScope())
        {
            var x = image.to_type(ScalarType.Float32).cpu();
            var min = x.min();
            var range = x.max() - min;
            // A constant image normalises to all -1, as numpy's 0/0 would not: one segment either way.
            var normalised = range.item<float>() > 0 ? (x - min) / range * 2 - 1 : full_like(x, -1f);
            if (segmentationSize is not null && (segHeight != height || segWidth != width))
            {
                normalised = nn.functional.interpolate(normalised.unsqueeze(0), [segHeight, segWidth],
                    mode: InterpolationMode.Bicubic, align_corners: false)[0];
            }
            values = normalised.contiguous().data<float>().ToArray();
        }

        var labellings = FelzenszwalbSegmentation.SegmentAtScales(values, channels, segHeight, segWidth, scales, sigma, minSize);
        if (segHeight != height || segWidth != width)
        {
            labellings = labellings.Select(l => ResizeNearest(l, segHeight, segWidth, height, width)).ToArray();
        }
        var masks = SegmentMasks.Unpack(labellings);
        return dilationRadius > 0
            ? masks.Select(m => SegmentMasks.Dilate(m, height, width, dilationRadius)).ToList()
            : masks;
    }

    // scikit-image's resize(order=0): each output pixel takes the input pixel under its centre.
    private static int[] ResizeNearest(int[] labels, int fromHeight, int fromWidth, int toHeight, int toWidth)
    {
        var result = new int[toHeight * toWidth];
        for (var y = 0; y < toHeight; y++)
        {
            var sy = Math.Min((int)((y + 0.5) * fromHeight / toHeight), fromHeight - 1);
            for (var x = 0; x < toWidth; x++)
            {
                var sx = Math.Min((int)((x + 0.5) * fromWidth / toWidth), fromWidth - 1);
                result[y * toWidth + x] = labels[sy * fromWidth + sx];
            }
        }
        return result;
    }
}
