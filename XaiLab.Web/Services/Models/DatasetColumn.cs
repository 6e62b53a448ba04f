namespace XaiLab.Web.Services.Models;

/// <summary>A dataset with at least one succeeded run: one accuracy column of the model table.</summary>
public sealed record DatasetColumn(int Id, string Name);
