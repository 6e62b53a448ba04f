namespace XaiLab.Data.Entities;

/// <summary>Metrics of one finished epoch; (RunId, Epoch) is unique, so a resumed run cannot store an epoch twice.</summary>
public class EpochMetric
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public TrainingRun? Run { get; set; }
    public int Epoch { get; set; }
    public double TrainLoss { get; set; }
    public double TrainAccuracy { get; set; }
    public double? ValidationLoss { get; set; }
    public double? ValidationAccuracy { get; set; }
    public double LearningRate { get; set; }
    public double DurationSeconds { get; set; }
}
