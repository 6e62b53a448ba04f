using PureHDF;

namespace XaiLab.Tests.Engine.Datasets.Figshare;

/// <summary>
/// Writes figshare-like HDF5 files the way MATLAB lays them out: an R x C matrix goes to HDF5 as [C, R], so element
/// (row r, column c) sits at [c, r].
/// </summary>
internal sealed class MatFileBuilder
{
    public double Label { get; set; } = 2;

    public string PatientId { get; set; } = "P001";

    /// <summary>Row-major image, [row, column].</summary>
    public short[,] Image { get; set; } = new short[3, 5];

    /// <summary>Row-major mask, [row, column]; null to use the image's shape with nothing set.</summary>
    public byte[,]? Mask { get; set; }

    public double[] Border { get; set; } = [];

    public bool IncludeCjdata { get; set; } = true;

    /// <summary>
    /// When set, cjdata.label is declared with these dimensions, chunked and never written (its chunks read as the fill
    /// value): a file of a few kilobytes whose header promises gigabytes, as a hostile upload would.
    /// </summary>
    public ulong[]? DeclaredLabelDimensions { get; set; }

    public byte[] Build()
    {
        var mask = Mask ?? new byte[Image.GetLength(0), Image.GetLength(1)];
        var cjdata = new H5Group
        {
            ["label"] = DeclaredLabelDimensions is { } dims
                ? new H5Dataset<double[]>(fileDims: dims, chunks: [.. dims.Select(_ => 64u)])
                : new double[,] { { Label } },
            ["PID"] = PatientId.Select(c => (ushort)c).ToArray(),
            ["image"] = ToMatlab(Image),
            ["tumorMask"] = ToMatlab(mask),
            ["tumorBorder"] = Border,
        };
        var file = new H5File();
        file[IncludeCjdata ? "cjdata" : "other"] = cjdata;
        using var stream = new MemoryStream();
        if (DeclaredLabelDimensions is null)
        {
            file.Write(stream);
        }
        else
        {
            // The writer seeks past the declared chunks' space; a file (sparse) allows what a MemoryStream does not.
            var path = Path.GetTempFileName();
            try
            {
                using (var writer = file.BeginWrite(path))
                {
                }
                return File.ReadAllBytes(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
        return stream.ToArray();
    }

    private static T[,] ToMatlab<T>(T[,] rowMajor)
    {
        int rows = rowMajor.GetLength(0), columns = rowMajor.GetLength(1);
        var stored = new T[columns, rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                stored[c, r] = rowMajor[r, c];
            }
        }

        return stored;
    }
}
