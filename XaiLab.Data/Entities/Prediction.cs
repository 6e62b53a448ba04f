namespace XaiLab.Data.Entities;

/// <summary>A run's prediction for one test slice.</summary>
public class Prediction
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int SliceId { get; set; }
    public Slice? Slice { get; set; }
    public int Label { get; set; }
    public int Predicted { get; set; }
    public float[] Probabilities { get; set; } = [];
}
