namespace XaiLab.Engine.Datasets;

/// <summary>
/// Bounds that keep a hostile or broken upload from exhausting disk, memory or time. The defaults fit the two public
/// datasets of the paper with a wide margin (figshare: 3064 files, about 0.9 GB; COVID-19 Radiography: about 42,000
/// files, about 0.8 GB).
/// </summary>
public sealed record ImportLimits
{
    /// <summary>The defaults below.</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>
    /// Largest archive accepted and largest total of bytes it may expand to, both as declared in the ZIP directory and as
    /// counted while streaming. Default 64 GiB.
    /// </summary>
    public long MaxArchiveBytes { get; init; } = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// Largest ratio of expanded to compressed size, for the archive as a whole and for each entry larger than
    /// <see cref="SmallEntryBytes"/> (tiny entries compress erratically). Default 200: images and <c>.mat</c> files are
    /// already compressed and expand by less than 2; a ZIP bomb expands by about 1000.
    /// </summary>
    public double MaxExpansionRatio { get; init; } = 200;

    /// <summary>Entries up to this many expanded bytes are exempt from the per-entry ratio check. Default 1 MiB.</summary>
    public long SmallEntryBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Most pixels an image file may declare per byte of the file, for images above <see cref="SmallImagePixels"/>.
    /// Default 200: scans and X-rays compress to about 1–3 pixels a byte; an 8192² PNG of one colour declares 67 million
    /// pixels in 23 KB (about 2,900 a byte), a decompression bomb that would cost 128 MiB per file to decode and store.
    /// </summary>
    public double MaxPixelsPerFileByte { get; init; } = 200;

    /// <summary>Images up to this many pixels are exempt from <see cref="MaxPixelsPerFileByte"/>. Default 1,048,576 (1024²).</summary>
    public long SmallImagePixels { get; init; } = 1024 * 1024;

    /// <summary>Largest width or height of an image, read from its header before it is decoded. Default 8192.</summary>
    public int MaxImageSide { get; init; } = 8192;

    /// <summary>Most entries an archive may list (nested archives count their own). Default 200,000.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>
    /// Largest a volume file (NIfTI) may be once decompressed: header, extensions, every volume of a 4-D series and
    /// anything after. It is checked against what the header declares before anything is allocated, and counted while
    /// the file is read, so that neither a lying header nor a small <c>.nii.gz</c> that inflates without end (a gzip
    /// bomb: the ZIP checks above see a <c>.nii.gz</c> only as the compressed bytes it is stored as) can exhaust memory
    /// or time. Only one 3-D volume is held in memory at a time. Default 2 GiB: a 512x512x1000 int16 CT is 0.5 GB, a
    /// 64x64x36x300 float32 fMRI series 0.18 GB.
    /// </summary>
    public long MaxVolumeBytes { get; init; } = 2L * 1024 * 1024 * 1024;
}
