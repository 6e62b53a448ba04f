namespace XaiLab.Tests.Web.Apis.Studies;

/// <summary>A map seeded by <see cref="StudyMaps"/>.</summary>
public sealed record SeededMap(int MapId, int RunId, string Method, int SliceId, double RelevanceMass);
