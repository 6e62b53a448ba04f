namespace XaiLab.Engine.Embeddings;

/// <summary>
/// A dense row-major matrix of <paramref name="Rows"/> points with <paramref name="Columns"/> features each: the input of
/// every projection and quality metric in this folder.
/// </summary>
/// <param name="Values">Row-major values, <c>Rows * Columns</c> of them; point <c>i</c> starts at <c>i * Columns</c>.</param>
/// <param name="Rows">Number of points (at least 1).</param>
/// <param name="Columns">Number of features per point (at least 1).</param>
public sealed record FeatureMatrix(float[] Values, int Rows, int Columns)
{
    /// <summary>Row-major values; point <c>i</c> starts at <c>i * Columns</c>.</summary>
    public float[] Values { get; } = Validate(Values, Rows, Columns);

    /// <summary>The features of point <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>A matrix from 2-D coordinates stored as x0, y0, x1, y1, …</summary>
    public static FeatureMatrix FromPoints2d(float[] coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        return new FeatureMatrix(coordinates, coordinates.Length / 2, 2);
    }

    private static float[] Validate(float[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"{values.Length} values do not make {rows} rows of {columns} columns.", nameof(values));
        }
        return values;
    }
}
