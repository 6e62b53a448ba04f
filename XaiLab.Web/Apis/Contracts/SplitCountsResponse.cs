namespace XaiLab.Web.Apis.Contracts;

/// <summary>Slices per split of a dataset's persisted split.</summary>
public sealed record SplitCountsResponse(int Train, int Validation, int Test);
