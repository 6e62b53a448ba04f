namespace XaiLab.Web.Services.Runs;

/// <summary>
/// One row of the paper's Table 3 over several runs of an architecture on a dataset: mean and sample standard deviation
/// over seeds (sd null for a single run).
/// </summary>
public sealed record RunSummary(
    string Architecture,
    int DatasetId,
    int Runs,
    double AccuracyMean,
    double? AccuracySd,
    double? MacroF1Mean,
    double? MacroF1Sd,
    double? TrainSecondsMean);
