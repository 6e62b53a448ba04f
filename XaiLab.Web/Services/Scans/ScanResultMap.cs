namespace XaiLab.Web.Services.Scans;

/// <summary>One map of a scan: its method, the class it explains and the shape of its float32 values.</summary>
public sealed record ScanResultMap(string Method, int Target, int Channels, int Height, int Width, double ClipValue);
