using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>One projected slice; <c>Predicted</c> is the run's test prediction where one exists.</summary>
public sealed record EmbeddingPointResponse(int SliceId, float X, float Y, string Class, SplitPart Split, string? Predicted);
