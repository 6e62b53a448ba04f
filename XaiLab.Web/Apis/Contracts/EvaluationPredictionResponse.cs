namespace XaiLab.Web.Apis.Contracts;

/// <summary>One slice of an external evaluation: its class mapped into the run's class indices, the predicted index and
/// the softmax probabilities in the run's class order.</summary>
public sealed record EvaluationPredictionResponse(int SliceId, int Label, int Predicted, IReadOnlyList<float> Probabilities);
