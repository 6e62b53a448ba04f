namespace XaiLab.Web.Apis.Contracts;

/// <summary>One map of an explained scan: <paramref name="Url"/> the overlay PNG, <paramref name="RawUrl"/> the float32
/// values (little-endian, shape in the X-Shape header and here).</summary>
public sealed record ScanMapResponse(string Method, int Target, int Channels, int Height, int Width, string Url, string RawUrl);
