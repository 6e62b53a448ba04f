namespace XaiLab.Web.Apis.Contracts;

/// <summary>Mean rating of one method on one model (run) over all its rated maps and annotators.</summary>
public sealed record MethodModelRatingResponse(string Method, int RunId, string Architecture, int Maps, int Ratings, double Mean, double Lower, double Upper);
