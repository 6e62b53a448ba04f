namespace XaiLab.Web.Services.Runs;

/// <summary>A state-dict file of a run's weights and the name to download it under.</summary>
public sealed record RunWeightsFile(byte[] Content, string FileName);
