namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// The order of the slices of one series: by InstanceNumber when every slice has one; otherwise by
/// ImagePositionPatient projected on the slice normal (the cross product of ImageOrientationPatient's row and column
/// cosines, taken from the series' first file), which is the order along the scan even when the slices are tilted,
/// when every slice has both; otherwise by file path. Ties are broken by file path, so the order never depends on the
/// listing order of a folder or archive.
/// </summary>
internal static class DicomSeriesOrder
{
    /// <summary>Indices into <paramref name="slices"/> in series order.</summary>
    /// <param name="slices">The series' files and headers, in path order.</param>
    public static IReadOnlyList<int> Order(IReadOnlyList<(string File, DicomHeader Header)> slices)
    {
        var indices = Enumerable.Range(0, slices.Count);
        if (slices.All(s => s.Header.InstanceNumber is not null))
        {
            return indices.OrderBy(i => slices[i].Header.InstanceNumber).ThenBy(i => slices[i].File, StringComparer.Ordinal).ToList();
        }

        if (slices.Count > 0 && slices.All(s => s.Header is { ImagePositionPatient: not null, ImageOrientationPatient: not null }))
        {
            var normal = Normal(slices[0].Header.ImageOrientationPatient!);
            return indices
                .OrderBy(i => Dot(slices[i].Header.ImagePositionPatient!, normal))
                .ThenBy(i => slices[i].File, StringComparer.Ordinal)
                .ToList();
        }

        return indices.OrderBy(i => slices[i].File, StringComparer.Ordinal).ToList();
    }

    private static double[] Normal(IReadOnlyList<double> orientation) =>
    [
        orientation[1] * orientation[5] - orientation[2] * orientation[4],
        orientation[2] * orientation[3] - orientation[0] * orientation[5],
        orientation[0] * orientation[4] - orientation[1] * orientation[3],
    ];

    private static double Dot(IReadOnlyList<double> position, double[] normal) =>
        position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
}
