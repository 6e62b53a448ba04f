namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// The linear map from a series' physical values to the 16-bit samples of <see cref="Imaging.SliceImage"/>: the
/// series' physical minimum and maximum become 0 and 65535 (or 65535 and 0 for MONOCHROME1, whose lowest values are
/// displayed brightest, so that a higher stored value is always brighter). The inverse is
/// <c>physical = stored * Scale + Offset</c>, what <see cref="SliceMetadata"/> records; Scale is negative for an
/// inverted slice. Distinct stored values of up to 16 bits stay distinct: a series spans at most 65536 of its
/// quantisation steps, so each step gets at least one 16-bit step.
/// </summary>
/// <param name="Min">The series' lowest physical value.</param>
/// <param name="Max">The series' highest physical value.</param>
/// <param name="Inverted">MONOCHROME1.</param>
internal sealed record DicomIntensityMapping(double Min, double Max, bool Inverted)
{
    /// <summary>Physical units per stored step; ±1 for a constant series, which maps wholly to stored 0.</summary>
    public double Scale
    {
        get
        {
            var step = Max > Min ? (Max - Min) / ushort.MaxValue : 1;
            return Inverted ? -step : step;
        }
    }

    /// <summary>The physical value of stored 0.</summary>
    public double Offset => Inverted ? Max : Min;

    /// <summary>The stored samples of <paramref name="physical"/>, rounded to the nearest step.</summary>
    public ushort[] ToStored(double[] physical)
    {
        var scale = Scale;
        var offset = Offset;
        var stored = new ushort[physical.Length];
        for (var i = 0; i < physical.Length; i++)
        {
            stored[i] = (ushort)Math.Clamp(Math.Round((physical[i] - offset) / scale), 0, ushort.MaxValue);
        }

        return stored;
    }
}
