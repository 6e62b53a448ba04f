namespace XaiLab.Web.Apis.Contracts;

/// <summary>Leakage report of a dataset's persisted split: patients shared across splits. Warning: set for paper-random.</summary>
public sealed record LeakageResponse(
    string SplitPreset,
    int Seed,
    bool HasLeakage,
    int LeakedSliceCount,
    IReadOnlyList<SharedPatientResponse> SharedPatients,
    string? Warning);
