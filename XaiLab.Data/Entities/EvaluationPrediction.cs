namespace XaiLab.Data.Entities;

/// <summary>An external evaluation's prediction for one slice of its dataset; <see cref="Label"/> is the slice's class
/// mapped into the run's class indices, as <see cref="Predicted"/> and the order of <see cref="Probabilities"/>.</summary>
public class EvaluationPrediction
{
    public int Id { get; set; }
    public int EvaluationId { get; set; }
    public RunEvaluation? Evaluation { get; set; }
    public int SliceId { get; set; }
    public Slice? Slice { get; set; }
    public int Label { get; set; }
    public int Predicted { get; set; }
    public float[] Probabilities { get; set; } = [];
}
