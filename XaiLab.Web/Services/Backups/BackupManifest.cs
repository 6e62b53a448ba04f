namespace XaiLab.Web.Services.Backups;

/// <summary>manifest.json of a team backup: format version, team name, when, and what it holds.</summary>
public sealed record BackupManifest(int Format, string Team, DateTimeOffset CreatedAt, int Datasets, int Runs, int Artifacts);
