namespace XaiLab.Web.Services.Security;

/// <summary>XaiLab behind a reverse proxy (TLS terminated in front). Bound from "XaiLab:Proxy".</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "XaiLab:Proxy";

    /// <summary>
    /// Honour X-Forwarded-For and X-Forwarded-Proto from <see cref="KnownProxies"/>: the request then counts as HTTPS when
    /// the proxy says so (cookies get <c>Secure</c>, the audit log records the client's address). Default false.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are believed. Default loopback (127.0.0.1, ::1).</summary>
    public List<string> KnownProxies { get; set; } = ["127.0.0.1", "::1"];
}
