namespace XaiLab.Web.Services.Studies;

/// <summary>A stored map a researcher can put into a study, named as the create page lists it.</summary>
public sealed record StudyMapChoice(int MapId, int RunId, string Architecture, string Method, int SliceId, string Parameters);
