namespace XaiLab.Web.Apis.Contracts;

/// <summary>Cohen's kappa of two annotators over the items both rated: unweighted, linear and quadratic weights.</summary>
public sealed record RaterPairKappaResponse(string RaterA, string RaterB, int Items, double? Kappa, double? LinearKappa, double? QuadraticKappa);
