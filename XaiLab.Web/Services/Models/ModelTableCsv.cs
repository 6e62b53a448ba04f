using XaiLab.Web.Services.Exports;

namespace XaiLab.Web.Services.Models;

/// <summary>
/// The model table as CSV (through <see cref="CsvTable"/>: RFC 4180, invariant culture, text cells defused): one row per architecture, three columns per dataset
/// (accuracy mean, standard deviation, runs), empty cells where there is nothing to report.
/// </summary>
public static class ModelTableCsv
{
    public static string Write(ModelTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = new List<string>
        {
            "architecture", "supported", "input_size", "channels", "classes", "size_mb", "parameters", "trainable_parameters",
            "depth", "weight_layer_depth", "flops", "min_input_size",
        };
        foreach (var dataset in table.Datasets)
        {
            header.AddRange([$"{dataset.Name} accuracy", $"{dataset.Name} accuracy sd", $"{dataset.Name} runs"]);
        }
        header.AddRange(["mean_train_seconds", "error"]);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var row in table.Rows)
        {
            var m = row.Model;
            var cells = new List<object?>
            {
                m.Architecture, m.Supported ? "true" : "false", table.Query.Size, table.Query.Channels, table.Query.Classes,
                m.SizeMb, m.Parameters, m.TrainableParameters, m.Depth, m.WeightLayerDepth, m.Flops, m.MinInputSize,
            };
            foreach (var dataset in table.Datasets)
            {
                cells.AddRange(row.Accuracy.TryGetValue(dataset.Id, out var a)
                    ? [a.Mean, a.StandardDeviation, a.Runs]
                    : [null, null, null]);
            }
            cells.AddRange([row.MeanTrainSeconds, m.Error]);
            rows.Add(cells);
        }
        return CsvTable.Write(header, rows);
    }
}
