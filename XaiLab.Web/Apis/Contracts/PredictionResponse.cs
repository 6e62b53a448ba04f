namespace XaiLab.Web.Apis.Contracts;

/// <summary>GET /api/runs/{id}/predictions item: a test slice, its true and predicted class names, and the softmax
/// probabilities in the order of the run's confusion-matrix labels.</summary>
public sealed record PredictionResponse(int SliceId, string Label, string Predicted, IReadOnlyList<float> Probabilities);
