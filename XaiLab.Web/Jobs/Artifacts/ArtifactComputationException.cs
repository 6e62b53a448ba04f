namespace XaiLab.Web.Jobs.Artifacts;

/// <summary>A worker could not compute an artifact (or none answered); the message says why.</summary>
public sealed class ArtifactComputationException(string message) : Exception(message);
