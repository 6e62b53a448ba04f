using XaiLab.Engine.Attribution;

namespace XaiLab.Web.Jobs.Attributions;

/// <summary>A freshly computed map with its overlay PNG, explained class, scores and compute time.</summary>
public sealed record ComputedAttribution(AttributionMap Map, byte[] OverlayPng, int Target, AttributionScores Scores, double DurationSeconds);
