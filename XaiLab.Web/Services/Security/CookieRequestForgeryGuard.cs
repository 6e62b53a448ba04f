using Microsoft.AspNetCore.Antiforgery;

namespace XaiLab.Web.Services.Security;

/// <summary>
/// Cross-site request forgery on the API: a state-changing <c>/api</c> request that is authenticated by the browser's
/// cookie (no <c>Authorization</c> header) must carry a valid antiforgery token (header <c>RequestVerificationToken</c>,
/// or the form field). <c>SameSite=Lax</c> does not separate two ports of one host, so a page elsewhere on the same
/// machine could otherwise post a no-cors fetch or an auto-submitted form with the signed-in user's cookie. Scripts use
/// personal access tokens, which no other page can attach, and are not affected; the UI changes state through its
/// circuit, not through cookie-authenticated API calls.
/// </summary>
public sealed class CookieRequestForgeryGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    /// <summary>The UI's authentication cookie (AccountsHostingExtensions).</summary>
    public const string AuthCookieName = "xailab.auth";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && request.Headers.Authorization.Count == 0
            && request.Cookies.ContainsKey(AuthCookieName)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(
                detail: "A cookie-authenticated request that changes data needs an antiforgery token; scripts use a personal access token (Authorization: Bearer).",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
