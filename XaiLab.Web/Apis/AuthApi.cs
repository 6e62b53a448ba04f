using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using XaiLab.Data.Entities;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Apis;

/// <summary>Tokens for scripts (POST /api/auth/token with e-mail and password), the caller's identity, the caller's tokens,
/// and the sign-out of the pages.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");

        api.MapPost("/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
            TokenRequest request, UserManager<XaiLabUser> users, SignInManager<XaiLabUser> signIns, PersonalAccessTokens tokens,
            AuditLog audit, CancellationToken ct) =>
        {
            var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
            var result = user is null || string.IsNullOrEmpty(request.Password)
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIns.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                await audit.RecordForAsync(user?.Id, request.Email?.Trim(), AuditActions.SignInFailed, "user", user?.Id,
                    result.IsLockedOut ? "token request: locked out" : "token request: wrong e-mail or password", ct);
                // One answer for unknown users, wrong passwords and locked accounts: nothing to learn by probing.
                return TypedResults.Problem(title: "Sign-in failed", detail: "Wrong e-mail or password, or the account is locked for a while.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            var created = await tokens.CreateAsync(user!.Id, request.Name, ct);
            await audit.RecordForAsync(user.Id, user.Email, AuditActions.SignInSucceeded, "user", user.Id, $"token request: token {created.Id}", ct);
            return TypedResults.Ok(new TokenResponse(created.Token, created.Id, created.Name));
        }).AllowAnonymous();

        var signedIn = api.MapGroup("").RequireAuthorization();

        signedIn.MapGet("/me", (ClaimsPrincipal principal, ICurrentUser user) =>
            TypedResults.Ok(new MeResponse(user.UserId!, principal.FindFirstValue(ClaimTypes.Name),
                principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(), user.TeamIds)));

        signedIn.MapGet("/tokens", async (ICurrentUser user, PersonalAccessTokens tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.ListAsync(user.UserId!, ct)));

        signedIn.MapPost("/tokens", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
            CreateTokenRequest? request, ICurrentUser user, PersonalAccessTokens tokens, IAuditLog audit, CancellationToken ct) =>
        {
            var created = await tokens.CreateAsync(user.UserId!, request?.Name, ct, request?.ExpiresInDays);
            await audit.RecordAsync(AuditActions.TokenCreated, "token", created.Id.ToString(CultureInfo.InvariantCulture), created.Name, ct);
            return TypedResults.Ok(new TokenResponse(created.Token, created.Id, created.Name));
        });

        signedIn.MapDelete("/tokens/{id:int}", async Task<NoContent> (
            int id, ICurrentUser user, PersonalAccessTokens tokens, IAuditLog audit, CancellationToken ct) =>
        {
            await tokens.RevokeAsync(user.UserId!, id, ct);
            await audit.RecordAsync(AuditActions.TokenRevoked, "token", id.ToString(CultureInfo.InvariantCulture), null, ct);
            return TypedResults.NoContent();
        });

        // The layout's sign-out button posts here; [FromForm] makes the endpoint check the antiforgery token.
        app.MapPost("/account/signout", async (HttpContext http, SignInManager<XaiLabUser> signIns, IAuditLog audit, [FromForm] string? returnUrl, CancellationToken ct) =>
        {
            await audit.RecordAsync(AuditActions.SignOut, "user", null, null, ct);
            // A copy of the cookie must not outlive the sign-out: the new security stamp invalidates every cookie issued before.
            if (await signIns.UserManager.GetUserAsync(http.User) is { } signedOut)
            {
                await signIns.UserManager.UpdateSecurityStampAsync(signedOut);
            }
            await signIns.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary><paramref name="returnUrl"/> when it is a path on this site, else "/": never a redirect elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
