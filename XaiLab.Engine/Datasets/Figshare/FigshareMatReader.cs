using PureHDF;
using PureHDF.VOL.Native;
using XaiLab.Engine.Imaging;

namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>
/// Reads one figshare brain-tumour slice (dataset 1512427): a MATLAB v7.3 <c>.mat</c> file, that is HDF5 behind a
/// 512-byte MATLAB header, holding the struct <c>cjdata</c> with <c>label</c>, <c>PID</c>, <c>image</c>,
/// <c>tumorBorder</c> and <c>tumorMask</c>. MATLAB writes arrays column-major, so HDF5 reports an R x C matrix with
/// dimensions [C, R]; the reader transposes image and mask to row-major (width C, height R). The border's axis order is
/// derived against the mask by <see cref="TumorBorderAligner"/>.
/// </summary>
public sealed class FigshareMatReader
{
    private readonly ImportLimits limits;
    private readonly NegativeIntensityPolicy negativePolicy;

    /// <param name="limits">Bounds to enforce (image side); <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="negativePolicy">What to do with negative int16 samples. Default <see cref="NegativeIntensityPolicy.ClampToZero"/>.</param>
    public FigshareMatReader(ImportLimits? limits = null, NegativeIntensityPolicy negativePolicy = NegativeIntensityPolicy.ClampToZero)
    {
        this.limits = limits ?? ImportLimits.Default;
        this.negativePolicy = negativePolicy;
    }

    /// <summary>Reads the <c>.mat</c> file at <paramref name="path"/>.</summary>
    public FigshareSlice Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads a <c>.mat</c> file from <paramref name="stream"/>; a stream that cannot seek (a ZIP entry) is buffered,
    /// which holds one slice (about 0.5 MB) in memory.
    /// </summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="sourceName">Name used in the result and in error messages.</param>
    /// <exception cref="DatasetImportException">Not HDF5, no <c>cjdata</c>, or a field is missing or malformed.</exception>
    public FigshareSlice Read(Stream stream, string sourceName)
    {
        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }

        NativeFile file;
        try
        {
            file = H5File.Open(stream, leaveOpen: true);
        }
        catch (Exception e) when (e is not DatasetImportException and not OutOfMemoryException)
        {
            throw new DatasetImportException(
                $"{sourceName} is not a MATLAB v7.3 (HDF5) file, as the figshare brain-tumour files are: {e.Message}", e);
        }

        using (file)
        {
            try
            {
                return Read(file, sourceName);
            }
            catch (Exception e) when (e is not DatasetImportException and not OutOfMemoryException)
            {
                throw new DatasetImportException($"{sourceName} is a corrupt figshare .mat file: {e.Message}", e);
            }
        }
    }

    private FigshareSlice Read(NativeFile file, string sourceName)
    {
        if (!file.LinkExists("cjdata") || file.Get("cjdata") is not IH5Group cjdata)
        {
            var found = string.Join(", ", file.Children().Select(c => c.Name));
            throw new DatasetImportException(
                $"{sourceName} is not a figshare brain-tumour file: no cjdata struct (found: {(found.Length == 0 ? "nothing" : found)}).");
        }

        var label = ReadNumeric(Field(cjdata, "label", sourceName), sourceName, "label", MaxLabelElements);
        if (label.Length != 1 || label[0] is not (1 or 2 or 3))
        {
            throw new DatasetImportException(
                $"{sourceName}: cjdata.label is {string.Join(",", label.Take(4))}; it must be 1 (meningioma), 2 (glioma) or 3 (pituitary).");
        }

        var patientId = new string(ReadNumeric(Field(cjdata, "PID", sourceName), sourceName, "PID", MaxPatientIdLength).Select(c => (char)c).ToArray()).Trim();
        if (patientId.Length == 0)
        {
            throw new DatasetImportException($"{sourceName}: cjdata.PID is empty.");
        }

        var imageField = Field(cjdata, "image", sourceName);
        var (width, height) = MatrixSize(imageField, sourceName, "image");
        var maskField = Field(cjdata, "tumorMask", sourceName);
        var (maskWidth, maskHeight) = MatrixSize(maskField, sourceName, "tumorMask");
        if (maskWidth != width || maskHeight != height)
        {
            throw new DatasetImportException(
                $"{sourceName}: cjdata.tumorMask is {maskWidth}x{maskHeight} but cjdata.image is {width}x{height}.");
        }

        var (image, clamped) = ToImage(ReadNumeric(imageField, sourceName, "image", (long)width * height), width, height, sourceName);
        var maskValues = ReadNumeric(maskField, sourceName, "tumorMask", (long)width * height);
        var mask = new bool[width * height];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[ToRowMajor(i, width, height)] = maskValues[i] != 0;
        }

        var binaryMask = new BinaryMask(width, height, mask);
        var border = TumorBorderAligner.Align(ReadNumeric(Field(cjdata, "tumorBorder", sourceName), sourceName, "tumorBorder", MaxBorderElements(width, height)), binaryMask, sourceName);
        return new FigshareSlice(sourceName, (FigshareTumorClass)(int)label[0], patientId, image, binaryMask, border, clamped);
    }

    private (SliceImage Image, int Clamped) ToImage(double[] raw, int width, int height, string sourceName)
    {
        var pixels = new ushort[width * height];
        var clamped = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var value = raw[i];
            if (value < 0)
            {
                if (negativePolicy == NegativeIntensityPolicy.Reject)
                {
                    throw new DatasetImportException(
                        $"{sourceName}: cjdata.image has negative values (first: {value}), and negative intensities are set to be rejected.");
                }

                clamped++;
                value = 0;
            }

            pixels[ToRowMajor(i, width, height)] = (ushort)Math.Min(value, ushort.MaxValue);
        }

        return (new SliceImage(width, height, pixels, 16), clamped);
    }

    // Raw index i walks MATLAB's column-major order: column i / height, row i % height.
    private static int ToRowMajor(int i, int width, int height) => (i % height) * width + i / height;

    private (int Width, int Height) MatrixSize(IH5Dataset dataset, string sourceName, string field)
    {
        var dims = dataset.Space.Dimensions;
        if (dims.Length != 2)
        {
            throw new DatasetImportException($"{sourceName}: cjdata.{field} has {dims.Length} dimensions; it must be a 2-D matrix.");
        }

        // HDF5 lists MATLAB's dimensions reversed: [columns, rows].
        var (width, height) = (dims[0], dims[1]);
        if (width < 1 || height < 1 || width > (ulong)limits.MaxImageSide || height > (ulong)limits.MaxImageSide)
        {
            throw new DatasetImportException(
                $"{sourceName}: cjdata.{field} is {width}x{height}; each side must be between 1 and {limits.MaxImageSide}.");
        }

        return ((int)width, (int)height);
    }

    private static IH5Dataset Field(IH5Group cjdata, string name, string sourceName) =>
        cjdata.LinkExists(name) && cjdata.Get(name) is IH5Dataset dataset
            ? dataset
            : throw new DatasetImportException($"{sourceName}: cjdata has no {name} field.");

    /// <summary>cjdata.label holds one number; a few more are reported, not read.</summary>
    private const long MaxLabelElements = 16;

    /// <summary>cjdata.PID is a short string of character codes.</summary>
    private const long MaxPatientIdLength = 256;

    /// <summary>cjdata.tumorBorder holds (row, column) pairs along the outline: at most a few per boundary pixel.</summary>
    private static long MaxBorderElements(int width, int height) => 16L * (width + height) + 1024;

    /// <summary>
    /// Reads a numeric HDF5 dataset after checking its declared shape against <paramref name="maxElements"/>: the
    /// header is trusted for nothing, so a field declared 30000x30000 is refused before a byte is allocated.
    /// </summary>
    private static double[] ReadNumeric(IH5Dataset dataset, string sourceName, string field, long maxElements)
    {
        var elements = 1UL;
        foreach (var dimension in dataset.Space.Dimensions)
        {
            elements = dimension != 0 && elements > ulong.MaxValue / dimension ? ulong.MaxValue : elements * dimension;
        }
        if (elements > (ulong)maxElements)
        {
            throw new DatasetImportException(
                $"{sourceName}: cjdata.{field} declares {string.Join("x", dataset.Space.Dimensions)} elements, more than the {maxElements:N0} " +
                "a figshare slice can hold; the file is refused before it is read.");
        }
        var type = dataset.Type;
        return (type.Class, type.Size) switch
        {
            (H5DataTypeClass.FloatingPoint, 8) => dataset.Read<double[]>(),
            (H5DataTypeClass.FloatingPoint, 4) => Array.ConvertAll(dataset.Read<float[]>(), v => (double)v),
            (H5DataTypeClass.FixedPoint, 1) => type.FixedPoint.IsSigned
                ? Array.ConvertAll(dataset.Read<sbyte[]>(), v => (double)v)
                : Array.ConvertAll(dataset.Read<byte[]>(), v => (double)v),
            (H5DataTypeClass.FixedPoint, 2) => type.FixedPoint.IsSigned
                ? Array.ConvertAll(dataset.Read<short[]>(), v => (double)v)
                : Array.ConvertAll(dataset.Read<ushort[]>(), v => (double)v),
            (H5DataTypeClass.FixedPoint, 4) => type.FixedPoint.IsSigned
                ? Array.ConvertAll(dataset.Read<int[]>(), v => (double)v)
                : Array.ConvertAll(dataset.Read<uint[]>(), v => (double)v),
            _ => throw new DatasetImportException(
                $"{sourceName}: cjdata.{field} has an unsupported type ({type.Class}, {type.Size} bytes)."),
        };
    }
}
