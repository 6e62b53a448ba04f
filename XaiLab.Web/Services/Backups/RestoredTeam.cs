namespace XaiLab.Web.Services.Backups;

/// <summary>What a restore created: the new team and how many rows and artifact files came with it.</summary>
public sealed record RestoredTeam(int TeamId, string Name, int Datasets, int Slices, int Runs, int Artifacts);
