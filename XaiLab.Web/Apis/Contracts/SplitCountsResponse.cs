namespace XaiLab.Web.Apis.Contracts;

/// <summary>Slices per split of a dataset's persisted split; unassigned slices are in none.</summary>
public sealed record SplitCountsResponse(int Train, int Validation, int Test, int Unassigned = 0);
