namespace XaiLab.Engine.Evaluation.Saliency;

/// <summary>
/// Faithfulness without a mask: the deletion and insertion games of RISE (Petsiuk, Das and Saenko 2018; Quantus'
/// <c>PixelFlipping</c> is the deletion game). Pixels are ranked by the per-pixel map [H * W] (equal values in pixel
/// order) and perturbed in all channels at once, most salient first, in <see cref="Steps"/> equal chunks. Deletion replaces
/// them by <see cref="DeletionFill"/> (RISE: 0), so a faithful map makes the score fall fast (lower AUC is better).
/// Insertion starts from the image blurred by <see cref="InsertionBlurSigma"/> and restores them, so a faithful map makes
/// the score rise fast (higher AUC is better). All curve images go to the scorer in one call, which may batch them.
/// </summary>
public sealed class DeletionInsertion
{
    /// <summary>Chunks the ranking is cut into; the curve has Steps + 1 points. Default 100 (RISE: 224 pixels a step at 224).</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Value of deleted pixels. Default 0 (RISE); after z-scoring this is the dataset mean.</summary>
    public float DeletionFill { get; init; }

    /// <summary>
    /// Gaussian sigma in pixels of the insertion start image (zero padding). Default 5, stronger than RISE's gkern(11, 5)
    /// (sigma about 1.1 px at 224) because MRI slices keep recognisable structure under such a light blur.
    /// </summary>
    public double InsertionBlurSigma { get; init; } = 5.0;

    /// <summary>The deletion curve of <paramref name="image"/> [C, H, W] under <paramref name="map"/> [H * W].</summary>
    /// <param name="score">Scores a batch of images ([C, H, W] each), e.g. the target's probability (<see cref="ProbeImageScorer"/>).</param>
    public FaithfulnessCurve Deletion(float[] image, int channels, int height, int width, float[] map,
        Func<IReadOnlyList<float[]>, double[]> score)
    {
        Check(image, channels, height, width, map, score);
        var fill = new float[image.Length];
        Array.Fill(fill, DeletionFill);
        return Curve(image, fill, height * width, map, score);
    }

    /// <summary>The insertion curve: from the blurred image towards <paramref name="image"/>, most salient pixels first.</summary>
    public FaithfulnessCurve Insertion(float[] image, int channels, int height, int width, float[] map,
        Func<IReadOnlyList<float[]>, double[]> score)
    {
        Check(image, channels, height, width, map, score);
        var blurred = SeparableBlur.Blur(image, channels, height, width, InsertionBlurSigma);
        return Curve(blurred, image, height * width, map, score);
    }

    /// <summary>Moves pixels from <paramref name="start"/> to <paramref name="end"/> in order of salience.</summary>
    private FaithfulnessCurve Curve(float[] start, float[] end, int plane, float[] map, Func<IReadOnlyList<float[]>, double[]> score)
    {
        var order = SaliencyInputs.MostSalientFirst(map);
        var channels = start.Length / plane;
        var images = new List<float[]>(Steps + 1);
        var fractions = new double[Steps + 1];
        var current = (float[])start.Clone();
        var done = 0;
        for (var step = 0; step <= Steps; step++)
        {
            var target = (int)((long)plane * step / Steps);
            for (; done < target; done++)
            {
                var p = order[done];
                for (var c = 0; c < channels; c++) current[c * plane + p] = end[c * plane + p];
            }
            fractions[step] = (double)target / plane;
            images.Add((float[])current.Clone());
        }
        var scores = score(images);
        if (scores.Length != images.Count)
        {
            throw new InvalidOperationException($"The scorer returned {scores.Length} scores for {images.Count} images.");
        }
        return new FaithfulnessCurve(fractions, scores);
    }

    private void Check(float[] image, int channels, int height, int width, float[] map, Func<IReadOnlyList<float[]>, double[]> score)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(Steps, 1);
        if (image.Length != channels * height * width || map.Length != height * width)
        {
            throw new ArgumentException(
                $"Image of {image.Length} and map of {map.Length} values do not match [{channels}, {height}, {width}].", nameof(map));
        }
    }
}
