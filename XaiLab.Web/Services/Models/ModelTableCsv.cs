using System.Globalization;
using System.Text;

namespace XaiLab.Web.Services.Models;

/// <summary>
/// The model table as CSV (RFC 4180, invariant culture): one row per architecture, three columns per dataset
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

        var csv = new StringBuilder();
        AppendLine(csv, header);
        foreach (var row in table.Rows)
        {
            var m = row.Model;
            var cells = new List<string>
            {
                m.Architecture, m.Supported ? "true" : "false", Number(table.Query.Size), Number(table.Query.Channels),
                Number(table.Query.Classes), Number(m.SizeMb), Number(m.Parameters), Number(m.TrainableParameters),
                Number(m.Depth), Number(m.WeightLayerDepth), Number(m.Flops), Number(m.MinInputSize),
            };
            foreach (var dataset in table.Datasets)
            {
                cells.AddRange(row.Accuracy.TryGetValue(dataset.Id, out var a)
                    ? [Number(a.Mean), Number(a.StandardDeviation), Number(a.Runs)]
                    : ["", "", ""]);
            }
            cells.AddRange([Number(row.MeanTrainSeconds), m.Error ?? ""]);
            AppendLine(csv, cells);
        }
        return csv.ToString();
    }

    private static string Number<T>(T? value) where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture) ?? "";

    private static string Number<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
    }

    private static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
