using XaiLab.Engine.Datasets.Archives;
using XaiLab.Engine.Datasets.Sources;

namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>
/// Streams the slices of a figshare brain-tumour download: a folder or ZIP of <c>.mat</c> files, or the ZIP of the
/// whole figshare item that nests <c>brainTumorDataPublic_1-766.zip</c> … <c>_2299-3064.zip</c>. One slice is in
/// memory at a time; a nested ZIP is spooled to a temporary file (deleted when closed), never to memory.
/// <c>cvind.mat</c> (the authors' cross-validation indices) and text files (<c>README.txt</c>) are skipped;
/// any other file is refused.
/// </summary>
public sealed class FigshareArchiveReader
{
    private readonly ImportLimits limits;
    private readonly FigshareMatReader matReader;

    /// <param name="limits">Bounds for archives and images; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="negativePolicy">Passed to <see cref="FigshareMatReader"/>. Default <see cref="NegativeIntensityPolicy.ClampToZero"/>.</param>
    public FigshareArchiveReader(ImportLimits? limits = null, NegativeIntensityPolicy negativePolicy = NegativeIntensityPolicy.ClampToZero)
    {
        this.limits = limits ?? ImportLimits.Default;
        matReader = new FigshareMatReader(this.limits, negativePolicy);
    }

    /// <summary>Streams the slices under <paramref name="path"/>, a folder or a <c>.zip</c>, in path order.</summary>
    public IEnumerable<FigshareSlice> Read(string path)
    {
        using var tree = DatasetFileTree.Open(path, limits);
        foreach (var slice in Read(tree, string.Empty))
        {
            yield return slice;
        }
    }

    /// <summary>Streams the slices of an opened tree; the tree stays owned by the caller.</summary>
    public IEnumerable<FigshareSlice> Read(DatasetFileTree tree) => Read(tree, string.Empty);

    private IEnumerable<FigshareSlice> Read(DatasetFileTree tree, string prefix)
    {
        foreach (var file in tree.Files)
        {
            var name = prefix + file;
            var fileName = Path.GetFileName(file);
            if (IsSkipped(fileName))
            {
                continue;
            }

            if (fileName.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
            {
                using var stream = tree.OpenRead(file);
                yield return matReader.Read(stream, name);
            }
            else if (fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var slice in ReadNested(tree, file, name))
                {
                    yield return slice;
                }
            }
            else
            {
                throw new DatasetImportException(
                    $"{name} is not a figshare .mat file or ZIP of them; a figshare brain-tumour dataset holds only .mat files.");
            }
        }
    }

    private IEnumerable<FigshareSlice> ReadNested(DatasetFileTree tree, string file, string name)
    {
        using var spool = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        using (var entry = tree.OpenRead(file))
        {
            entry.CopyTo(spool);
        }

        spool.Position = 0;
        using var nested = DatasetFileTree.FromArchive(new SafeArchiveExtractor(limits).Open(spool, name, leaveOpen: true));
        foreach (var slice in Read(nested, name + "/"))
        {
            yield return slice;
        }
    }

    private static bool IsSkipped(string fileName) =>
        fileName.Equals("cvind.mat", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
