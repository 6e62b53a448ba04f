using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Models;

/// <summary>One architecture in the model table: its properties and what its succeeded runs achieved.</summary>
/// <param name="Model">Properties at the table's input configuration.</param>
/// <param name="Accuracy">Test accuracy per dataset id; datasets without a succeeded run are absent.</param>
/// <param name="MeanTrainSeconds">Mean wall time from start to finish of its succeeded runs; null without runs.</param>
/// <param name="SucceededRuns">Succeeded runs with a test accuracy, over all datasets.</param>
public sealed record ModelTableRow(
    ModelResponse Model,
    IReadOnlyDictionary<int, AccuracySummary> Accuracy,
    double? MeanTrainSeconds,
    int SucceededRuns);
