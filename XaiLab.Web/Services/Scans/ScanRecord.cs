using XaiLab.Engine.Datasets.Scans;

namespace XaiLab.Web.Services.Scans;

/// <summary>
/// What a scan's folder (<c>scans/{token}/scan.json</c>) says about it: whose it is, which run explains it with which
/// methods, and when it goes. Written by <see cref="ScanExplanationService"/> before the job runs.
/// </summary>
public sealed record ScanRecord(string Token, int RunId, int TeamId, string FileName, ScanFormat Format, IReadOnlyList<string> Methods,
    XaiLab.Engine.Datasets.SliceMetadata? Metadata, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The folder of a scan in the artifact store.</summary>
    public static string FolderOf(string token) => $"scans/{token}";

    public string Folder => FolderOf(Token);

    public string RecordPath => $"{Folder}/scan.json";

    public string ImagePath => $"{Folder}/image.png";

    public string ResultPath => $"{Folder}/result.json";

    public string OverlayPath(string method) => $"{Folder}/{method}.png";

    public string ValuesPath(string method) => $"{Folder}/{method}.f32";
}
