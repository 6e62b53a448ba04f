namespace XaiLab.Tests.Engine.Datasets;

/// <summary>Locates the read-only format fixtures in <c>shared/fixtures</c> (see its README).</summary>
internal static class DatasetFixtures
{
    public static string Root { get; } = Locate();

    public static string FigshareFolder => Path.Combine(Root, "figshare-brain-tumor");

    public static string FigshareZip => Path.Combine(Root, "brainTumorDataPublic_1-6.zip");

    public static string CovidFolder => Path.Combine(Root, "COVID-19_Radiography_Dataset");

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("XAILAB_FIXTURES");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/fixtures not found above the test binaries; set XAILAB_FIXTURES.");
    }
}
