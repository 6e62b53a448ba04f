using System.Text.Json;
using System.Text.Json.Serialization;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.Runs;

/// <summary>The test-split evaluation of a run as stored in TrainingRun.EvaluationJson.</summary>
/// <param name="RocAuc">One-vs-rest ROC AUC per class; NaN for a class absent from the test split (stored as "NaN").</param>
public sealed record StoredEvaluation(
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<string> Labels,
    int[][] ConfusionMatrix,
    double[] Precision,
    double[] Recall,
    double[] F1,
    int[] Support,
    double[] RocAuc)
{
    // Undefined metrics are NaN (an AUC without positives or negatives in a small test split): JSON has no NaN.
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static StoredEvaluation? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<StoredEvaluation>(json, Options);

    /// <summary>Precision, recall, F1 and support per class, in label order.</summary>
    public IReadOnlyList<ClassMetricsResponse> ToClassMetricsResponses() =>
        Labels.Select((name, i) => new ClassMetricsResponse(name, Precision[i], Recall[i], F1[i], Support[i])).ToList();

    /// <summary>Per-class and macro AUC for the API: null where a class's AUC is undefined; macro over the defined ones.</summary>
    public AucResponse ToAucResponse()
    {
        var perClass = Labels.Select((name, i) => (name, value: double.IsFinite(RocAuc[i]) ? RocAuc[i] : (double?)null))
            .ToDictionary(p => p.name, p => p.value);
        var defined = RocAuc.Where(double.IsFinite).ToList();
        return new AucResponse(perClass, defined.Count == 0 ? null : defined.Average());
    }
}
