namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>
/// The attributes <see cref="DicomFileParser"/> keeps from the top level of a data set (values inside sequences are
/// never read), and where its PixelData is. Attributes the file does not have are null; the defaults below are
/// PS3.3's for optional ones.
/// </summary>
internal sealed record DicomHeader
{
    public required string TransferSyntaxUid { get; init; }

    /// <summary>Whether binary values and 16-bit pixels are big-endian (Explicit VR Big Endian).</summary>
    public bool BigEndian { get; init; }

    public string? PatientId { get; init; }

    public string? SeriesInstanceUid { get; init; }

    public int? InstanceNumber { get; init; }

    /// <summary>x, y, z of the first transmitted pixel, in mm (three values when present).</summary>
    public IReadOnlyList<double>? ImagePositionPatient { get; init; }

    /// <summary>Direction cosines of the first row and the first column (six values when present).</summary>
    public IReadOnlyList<double>? ImageOrientationPatient { get; init; }

    public int? SamplesPerPixel { get; init; }

    public string? PhotometricInterpretation { get; init; }

    /// <summary>Default 1: single-frame IODs have no NumberOfFrames.</summary>
    public int NumberOfFrames { get; init; } = 1;

    public int? Rows { get; init; }

    public int? Columns { get; init; }

    public int? BitsAllocated { get; init; }

    public int? BitsStored { get; init; }

    public int? HighBit { get; init; }

    public int? PixelRepresentation { get; init; }

    /// <summary>Default 1 (no modality rescale).</summary>
    public double RescaleSlope { get; init; } = 1;

    /// <summary>Default 0.</summary>
    public double RescaleIntercept { get; init; }

    /// <summary>The first of WindowCenter's values, in physical units (after the rescale).</summary>
    public double? WindowCenter { get; init; }

    /// <summary>The first of WindowWidth's values.</summary>
    public double? WindowWidth { get; init; }

    /// <summary>The declared length of PixelData, or null when the data set has none.</summary>
    public long? PixelDataLength { get; init; }

    /// <summary>PixelData's VR (<c>OB</c> or <c>OW</c>), which decides whether 8-bit samples are byte-swapped in big endian.</summary>
    public string? PixelDataVr { get; init; }
}
