using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>One slice as GET /api/datasets/{id}/slices lists it. Split: train, validation or test.</summary>
public sealed record SliceResponse(int Id, int Index, string Class, string PatientId, int Width, int Height, bool HasMask, SplitPart Split, string ContentHash,
    SliceMetadataResponse? Metadata = null);
