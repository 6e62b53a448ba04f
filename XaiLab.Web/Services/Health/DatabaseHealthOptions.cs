namespace XaiLab.Web.Services.Health;

/// <summary>How the database's reachability is watched. Bound from the configuration section "DatabaseHealth".</summary>
public sealed class DatabaseHealthOptions
{
    public const string SectionName = "DatabaseHealth";

    /// <summary>Seconds between two connection checks. Default 5.</summary>
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>Seconds one check may take before the database counts as unreachable. Default 5.</summary>
    public double TimeoutSeconds { get; set; } = 5;
}
