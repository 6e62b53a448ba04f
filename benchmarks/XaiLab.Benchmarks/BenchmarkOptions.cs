using XaiLab.Engine.Models;

namespace XaiLab.Benchmarks;

/// <summary>
/// Command line: <c>--smoke</c> (tiny sizes, one repetition, no timing claims), <c>--sections
/// models,methods,segmentation,xrai,ig-ratio,tsne,formats,profile,ratios,import,compare</c> (default all), <c>--spin</c>
/// (keep OpenMP's default spinning wait instead of the passive one), <c>--architectures smallcnn,resnet50,densenet121|all</c>, <c>--sizes 64,128,224</c>,
/// <c>--methods name,...</c> (default every registry name), <c>--repeats N</c> (default 3), <c>--threads N</c>
/// (default 2, as the reference), <c>--ig-steps N</c> (default 64, the ratio), <c>--out file.json</c> (default bench-results.json).
/// </summary>
internal sealed record BenchmarkOptions(
    bool Smoke,
    IReadOnlySet<string> Sections,
    IReadOnlyList<Architecture> Architectures,
    IReadOnlyList<int> Sizes,
    IReadOnlyList<string>? Methods,
    int Repeats,
    int Threads,
    int IgSteps,
    string Output)
{
    public static readonly string[] AllSections =
        ["models", "methods", "segmentation", "xrai", "ig-ratio", "tsne", "formats", "profile", "ratios", "import", "compare"];

    public static BenchmarkOptions Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        static string[] List(string? value) => value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        var sections = List(Value("--sections"));
        var architectures = List(Value("--architectures"));
        var parsedArchitectures = architectures is ["all"]
            ? Enum.GetValues<Architecture>()
            : architectures.Length > 0
                ? architectures.Select(a => Enum.Parse<Architecture>(a, ignoreCase: true)).ToArray()
                : [Architecture.SmallCnn, Architecture.ResNet50, Architecture.DenseNet121];
        var sizes = List(Value("--sizes")).Select(int.Parse).ToArray();
        var methods = List(Value("--methods"));
        return new BenchmarkOptions(
            smoke,
            (sections.Length > 0 ? sections : AllSections).ToHashSet(),
            parsedArchitectures,
            sizes.Length > 0 ? sizes : smoke ? [32] : [64, 128, 224],
            methods.Length > 0 ? methods : null,
            int.Parse(Value("--repeats") ?? (smoke ? "1" : "3")),
            int.Parse(Value("--threads") ?? "2"),
            int.Parse(Value("--ig-steps") ?? "64"),
            Value("--out") ?? "bench-results.json");
    }
}
