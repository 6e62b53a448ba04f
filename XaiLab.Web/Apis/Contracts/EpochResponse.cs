namespace XaiLab.Web.Apis.Contracts;

public sealed record EpochResponse(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double? ValidationLoss,
    double? ValidationAccuracy,
    double LearningRate,
    double DurationSeconds);
