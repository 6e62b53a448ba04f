namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// How the run was trained: its full configuration (null for runs from before configs were stored, which trained with
/// the engine's defaults and the fields beside it), the epochs asked for and stored, and the dataset split it used
/// (preset patient-grouped, paper-random or manual; seed; slices and patients per part).
/// </summary>
public sealed record ModelCardTrainingResponse(
    RunConfigResponse? Config,
    int Epochs,
    int CompletedEpochs,
    int BatchSize,
    double LearningRate,
    int Seed,
    string SplitPreset,
    int SplitSeed,
    SplitCountsResponse Slices,
    SplitCountsResponse Patients);
