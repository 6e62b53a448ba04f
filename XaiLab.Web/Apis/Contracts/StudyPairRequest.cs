namespace XaiLab.Web.Apis.Contracts;

/// <summary>Two stored maps of one slice, compared side by side; A and B name them in results and gold answers.</summary>
public sealed record StudyPairRequest(int MapIdA, int MapIdB);
