namespace XaiLab.Web.Apis.Contracts;

/// <summary>One stored map of an attribution request; <paramref name="Url"/> serves the overlay PNG, <paramref name="RawUrl"/> the float32 values.</summary>
public sealed record AttributionMapResponse(int RunId, string Method, int SliceId, int Target, string Parameters, string Url, string RawUrl);
