using System.Globalization;
using System.Text;
using System.Text.Json;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Web.Apis.Contracts;

namespace XaiLab.Web.Services.ModelCards;

/// <summary>
/// A model card as Markdown in the sections of Mitchell et al. (2019), "Model Cards for Model Reporting" (FAT* '19):
/// model details, intended use, factors, metrics, evaluation data, training data, quantitative analyses, ethical
/// considerations, caveats and recommendations. Every number comes from the JSON card it is written from.
/// </summary>
public static class ModelCardMarkdown
{
    /// <summary>The section headings, in order.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    [
        "Model details", "Intended use", "Factors", "Metrics", "Evaluation data", "Training data", "Quantitative analyses",
        "Ethical considerations", "Caveats and recommendations",
    ];

    public static string Write(int runId, ModelCardResponse card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var md = new StringBuilder();
        var p = card.Preprocessing;
        var test = card.Metrics.Test;
        var architecture = ArchitectureNames.Parse(card.Architecture);
        md.AppendLine(Invariant($"# Model card: run {runId}, {card.Architecture} on {card.Dataset.Name}"));
        md.AppendLine();

        Section(md, 0);
        md.AppendLine(Invariant($"- Architecture: `{card.Architecture}` with a `{card.Head}` head, trained by XaiLab (run {runId})."));
        md.AppendLine(Invariant($"- Input: {card.Channels} × {card.InputSize} × {card.InputSize} (channels × height × width), float32."));
        md.AppendLine("- Output: one logit per class; softmax gives XaiLab's probabilities. Classes in output order:");
        for (var i = 0; i < card.Classes.Count; i++)
        {
            md.AppendLine(Invariant($"  {i}. {card.Classes[i]}"));
        }
        md.AppendLine("- Preprocessing of a stored slice (`GET /api/slices/{id}/image.png`, lossless 8- or 16-bit PNG), in this order:");
        md.AppendLine(Invariant($"  1. scale: v / (2^{p.BitDepth} − 1) in float32 (each slice by the bit depth its PNG declares; this dataset: {string.Join(", ", p.BitDepths)} bit);"));
        md.AppendLine(Invariant($"  2. resize: bilinear to {card.InputSize} × {card.InputSize}, pixel centres (`align_corners=False`), no antialiasing;"));
        md.AppendLine(Invariant($"  3. normalise: (x − {Exact(p.Mean)}) / {Exact(p.Std)} (mean and standard deviation of the training split);"));
        md.AppendLine(card.Channels == 1
            ? "  4. the plane is the single input channel (with more channels it would be copied into each)."
            : Invariant($"  4. copy the plane into each of the {card.Channels} input channels."));
        md.AppendLine(Invariant($"- Weights: `GET /api/runs/{runId}/weights.safetensors` (this card's preprocessing, classes and shape in the header's `__metadata__`) or `/weights.pt` (a plain state dict; this card is its sidecar), `?naming=xailab` or, {(TorchvisionNames.Supports(architecture) ? "for this architecture," : "not for this architecture,")} `?naming=torchvision`. The card as JSON: `GET /api/runs/{runId}/model-card`."));
        if (card.Environment is { } environment)
        {
            md.AppendLine(Invariant($"- Software: XaiLab commit {Text(environment, "gitCommit")}, TorchSharp {Text(environment, "torchSharp")}, libtorch {Text(environment, "torch")}, computed on {Text(environment, "device")}."));
        }
        md.AppendLine();

        Section(md, 1);
        md.AppendLine("- Primary use: research on how a CNN classifies these images and where it looks (saliency against expert masks), by the lab that trained it.");
        md.AppendLine("- Primary users: researchers of the team that owns the run.");
        md.AppendLine(Invariant($"- Out of scope: clinical diagnosis or triage; images unlike the training data (other modalities, scanners, protocols or classes than {string.Join(", ", card.Classes)}); any use without the preprocessing above."));
        md.AppendLine();

        Section(md, 2);
        md.AppendLine("- Relevant factors: the patient (splits are grouped by patient unless the split preset says otherwise), the acquisition (scanner, protocol, bit depth), and the class balance.");
        md.AppendLine("- XaiLab records no demographic or acquisition attributes per slice, so no result is broken down by them: evaluate subgroups before relying on the model for any of them.");
        md.AppendLine();

        Section(md, 3);
        md.AppendLine("- Accuracy, macro F1 (unweighted mean over classes), weighted F1, per-class precision, recall and F1 (scikit-learn's definitions), one-vs-rest ROC AUC per class and their mean.");
        md.AppendLine(Invariant($"- Internal: the run's held-out test split. External evaluations on other datasets: {(card.Metrics.External.Count == 0 ? "none yet" : card.Metrics.External.Count.ToString(CultureInfo.InvariantCulture))}."));
        md.AppendLine();

        Section(md, 4);
        md.AppendLine(Invariant($"- Test split of dataset {card.Dataset.Id} \"{card.Dataset.Name}\" (version {card.Dataset.VersionHash ?? "unknown"}): {card.Training.Slices.Test} slices of {card.Training.Patients.Test} patients, split `{card.Training.SplitPreset}` with seed {card.Training.SplitSeed}."));
        foreach (var external in card.Metrics.External)
        {
            md.AppendLine(Invariant($"- External: dataset {external.DatasetId} \"{external.DatasetName}\", {external.Samples} slices."));
        }
        md.AppendLine();

        Section(md, 5);
        md.AppendLine(Invariant($"- Training split: {card.Training.Slices.Train} slices of {card.Training.Patients.Train} patients; validation: {card.Training.Slices.Validation} slices of {card.Training.Patients.Validation} patients; unassigned (unused): {card.Training.Slices.Unassigned}."));
        md.AppendLine(Invariant($"- Normalisation statistics from the training split only: mean {Exact(p.Mean)}, standard deviation {Exact(p.Std)}."));
        md.AppendLine(Invariant($"- {card.Training.CompletedEpochs} of {card.Training.Epochs} epochs stored; batch {card.Training.BatchSize}, learning rate {Number(card.Training.LearningRate)}, seed {card.Training.Seed}."));
        if (card.Training.Config is { } config)
        {
            md.AppendLine(Invariant($"- Configuration: preset {config.Preset ?? "none"}, optimizer {config.Optimizer} (momentum {Number(config.Momentum)}, weight decay {Number(config.WeightDecay)}), schedule {config.Schedule} (decay {Number(config.Decay)}), augmentation {(config.Augment ? "on" : "off")}, class weights {(config.ClassWeights ? "balanced" : "none")}, early stopping {(config.EarlyStoppingPatience is { } patience ? Invariant($"after {patience} epochs without improvement") : "off")}, device {config.Device}."));
        }
        md.AppendLine();

        Section(md, 6);
        if (test is null)
        {
            md.AppendLine("The run has not been evaluated yet.");
        }
        else
        {
            md.AppendLine(Invariant($"Test split, {test.Samples} slices: accuracy {Number(test.Accuracy)}, macro F1 {Number(test.MacroF1)}, weighted F1 {Number(test.WeightedF1)}, macro ROC AUC {(test.Auc.Macro is { } auc ? Number(auc) : "undefined")}."));
            md.AppendLine();
            md.AppendLine("| class | precision | recall | F1 | ROC AUC | support |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var row in test.PerClass)
            {
                var classAuc = test.Auc.PerClass.TryGetValue(row.Name, out var value) && value is { } defined ? Number(defined) : "undefined";
                md.AppendLine(Invariant($"| {row.Name} | {Number(row.Precision)} | {Number(row.Recall)} | {Number(row.F1)} | {classAuc} | {row.Support} |"));
            }
            md.AppendLine();
            md.AppendLine("Confusion matrix (rows: true class, columns: predicted):");
            md.AppendLine();
            md.AppendLine("| true \\ predicted | " + string.Join(" | ", test.ConfusionMatrix.Labels) + " |");
            md.AppendLine("|---|" + string.Concat(test.ConfusionMatrix.Labels.Select(_ => "---|")));
            for (var i = 0; i < test.ConfusionMatrix.Labels.Count; i++)
            {
                md.AppendLine($"| {test.ConfusionMatrix.Labels[i]} | " + string.Join(" | ", test.ConfusionMatrix.Counts[i].Select(c => c.ToString(CultureInfo.InvariantCulture))) + " |");
            }
        }
        foreach (var external in card.Metrics.External)
        {
            md.AppendLine(Invariant($"- {external.DatasetName}: accuracy {Number(external.Accuracy)}, macro F1 {Number(external.MacroF1)} over {external.Samples} slices."));
        }
        md.AppendLine();

        Section(md, 7);
        md.AppendLine("- The images are patient data: keep the weights, predictions and maps under the same governance as the scans they came from.");
        md.AppendLine(card.Training.SplitPreset == "patient-grouped"
            ? "- The split is grouped by patient, so no patient's slices are in both training and test."
            : Invariant($"- The split preset is `{card.Training.SplitPreset}`: slices of one patient may be in both training and test, which makes the test metrics optimistic."));
        md.AppendLine("- Saliency maps show what the network used, not whether that is clinically valid; a model that looks at the right place can still be wrong.");
        md.AppendLine();

        Section(md, 8);
        md.AppendLine("- Reproduce the preprocessing exactly (bit-depth scaling, bilinear resize with pixel centres, the mean and standard deviation above): another resize or scaling changes the probabilities.");
        if (p.BitDepths.Count > 1)
        {
            md.AppendLine(Invariant($"- The dataset mixes bit depths ({string.Join(", ", p.BitDepths)}): scale each slice by its own depth, not by the most common one ({p.BitDepth})."));
        }
        if (ModelFactory.ExpectsUnitRangeInput(architecture))
        {
            md.AppendLine("- This pretrained backbone normalises inside the model (gray plane to BGR, × 255, minus ImageNet's mean image), which is why its mean is 0 and its standard deviation 1.");
        }
        if (architecture is Architecture.InceptionV3 or Architecture.EfficientNetB0)
        {
            md.AppendLine("- This architecture follows Keras numerically (batch-norm epsilon 1e-3, average pools that exclude padding): in torchvision set the batch-norm epsilon to 1e-3 for close agreement.");
        }
        if (test is not null && test.Samples < 100)
        {
            md.AppendLine(Invariant($"- The test split has only {test.Samples} slices: the metrics are uncertain (compare runs with the paired bootstrap of `GET /api/runs/{{id}}/compare/{{otherId}}`)."));
        }
        md.AppendLine("- Test metrics come from the dataset the model was trained on; expect lower numbers on data from elsewhere until external evaluations say otherwise.");
        return md.ToString();
    }

    private static void Section(StringBuilder md, int index)
    {
        md.AppendLine($"## {Sections[index]}");
        md.AppendLine();
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(JsonElement environment, string name) =>
        environment.ValueKind == JsonValueKind.Object && environment.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
