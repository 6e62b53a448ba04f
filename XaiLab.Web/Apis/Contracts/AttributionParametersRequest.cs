namespace XaiLab.Web.Apis.Contracts;

/// <summary>Attribution parameters; null keeps each method's documented default.</summary>
/// <param name="Steps">Path steps of the integrated-gradient family (1..1000).</param>
/// <param name="InternalBatchSize">Inputs per model call (1..1024); memory only, never the map.</param>
/// <param name="Seed">Seed of any noise (SmoothGrad); default 1.</param>
/// <param name="Magnitude">SmoothGrad averages the squared maps (default true, PAIR's and the paper's); false: the signed mean.</param>
public sealed record AttributionParametersRequest(int? Steps, int? InternalBatchSize, int? Seed, bool? Magnitude = null);
