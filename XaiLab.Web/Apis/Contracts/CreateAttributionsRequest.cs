namespace XaiLab.Web.Apis.Contracts;

/// <summary>Body of <c>POST /api/attributions</c>.</summary>
/// <param name="RunIds">Succeeded runs whose models are explained (at least one).</param>
/// <param name="Methods">Registry API names, e.g. "vanilla-gradient", "grad-cam", "integrated-gradients" (at least one).</param>
/// <param name="SliceIds">Extra slices beyond the default one test slice per class shared by every run; optional.</param>
/// <param name="Parameters">Method parameters; optional.</param>
/// <param name="TeamId">Optional; when given it must be the runs' team (derived objects stay with their source).</param>
public sealed record CreateAttributionsRequest(
    IReadOnlyList<int>? RunIds, IReadOnlyList<string>? Methods, IReadOnlyList<int>? SliceIds, AttributionParametersRequest? Parameters,
    int? TeamId = null);
