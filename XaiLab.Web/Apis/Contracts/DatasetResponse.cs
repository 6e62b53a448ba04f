using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// A dataset as GET /api/datasets and GET /api/datasets/{id} return it. Status: importing, ready or failed. Progress:
/// 0..1 while importing. Duplicates: groups of slices with identical content. SplitPreset: patient-grouped, paper-random
/// or manual. Warnings: what the lab should know (too few patients for a split, files the import left out).
/// </summary>
public sealed record DatasetResponse(
    int Id,
    string Name,
    string Source,
    DatasetStatus Status,
    string? Error,
    int SliceCount,
    int PatientCount,
    IReadOnlyList<ClassCount> Classes,
    bool WithMasks,
    string? VersionHash,
    DateTimeOffset CreatedAt,
    double Progress,
    int Duplicates,
    string SplitPreset,
    SplitCountsResponse SplitCounts,
    IReadOnlyList<string> Warnings);
