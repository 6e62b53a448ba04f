namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// One stored map of an attribution request; <paramref name="Url"/> serves the overlay PNG, <paramref name="RawUrl"/> the
/// float32 values, <paramref name="ClipValue"/> is the |map| value its overlay draws at full colour (pass the largest of
/// several as <c>ceiling</c> to draw them on one scale).
/// </summary>
public sealed record AttributionMapResponse(int RunId, string Method, int SliceId, int Target, string Parameters, double ClipValue, string Url, string RawUrl);
