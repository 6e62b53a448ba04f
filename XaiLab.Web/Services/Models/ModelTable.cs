namespace XaiLab.Web.Services.Models;

/// <summary>The paper's Table 3 at one input configuration, with accuracy columns for the datasets that have runs.</summary>
public sealed record ModelTable(ModelQuery Query, IReadOnlyList<DatasetColumn> Datasets, IReadOnlyList<ModelTableRow> Rows);
