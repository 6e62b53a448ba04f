namespace XaiLab.Engine.Datasets;

/// <summary>A file an import left out, and why.</summary>
public sealed record ImportNotice(string File, string Reason);
