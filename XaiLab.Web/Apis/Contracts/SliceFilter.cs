namespace XaiLab.Web.Apis.Contracts;

/// <summary>Filters of a slice listing; null matches all. Class by name, split train/validation/test.</summary>
public sealed record SliceFilter(string? Class = null, string? Split = null, string? Patient = null);
