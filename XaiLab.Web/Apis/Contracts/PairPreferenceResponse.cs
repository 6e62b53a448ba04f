namespace XaiLab.Web.Apis.Contracts;

/// <summary>A method x model's A/B comparisons and how many of them annotators decided in its favour.</summary>
public sealed record PairPreferenceResponse(string Method, int RunId, string Architecture, int Comparisons, int Wins, double Share);
