namespace XaiLab.Web.Services.Security;

/// <summary>
/// Response headers that keep browsers from framing, sniffing or leaking the app. The content security policy allows
/// only this origin's scripts (Blazor, MudBlazor, Plotly are all served from here, no inline script) and its WebSocket.
/// Two relaxations, both measured in Chromium: 'unsafe-eval' because Plotly's WebGL traces (regl, the embeddings'
/// scattergl) compile their draw calls with <c>new Function</c>, and one document serves every page under interactive
/// routing, so it cannot be granted per page; styles need 'unsafe-inline' because MudBlazor and Plotly set style
/// attributes and inject style elements at run time.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseXaiLabSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
