namespace XaiLab.Web.Services.Scans;

/// <summary>Explaining an uploaded scan with a run (<c>POST /api/runs/{id}/predict</c>, /runs/{id}/explain). Bound from "Scans".</summary>
public sealed class ScansOptions
{
    public const string SectionName = "Scans";

    /// <summary>
    /// How long a scan's decoded image, maps and answer are kept for their URLs; then they are deleted. Default 1 hour.
    /// The uploaded file itself is never written to disk: it is decoded in memory and dropped.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest upload accepted. Default 128 MiB (ASP.NET Core's multipart limit): a large NIfTI volume.</summary>
    public long MaxUploadBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Methods when the request names none. Default vanilla-gradient and grad-cam, which take well under a second.</summary>
    public List<string> DefaultMethods { get; set; } = ["vanilla-gradient", "grad-cam"];
}
