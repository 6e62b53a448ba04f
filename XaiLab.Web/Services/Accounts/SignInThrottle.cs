using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace XaiLab.Web.Services.Accounts;

/// <summary>Limits password attempts per client address: the sign-in form posts and POST /api/auth/token share one fixed
/// window of a minute (<see cref="AccountsOptions.SignInAttemptsPerMinute"/>); every other request passes untouched.</summary>
public static class SignInThrottle
{
    public const string SignInPath = "/account/signin";
    public const string TokenPath = "/api/auth/token";

    public static bool IsSignInAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals(TokenPath, StringComparison.OrdinalIgnoreCase));

    public static PartitionedRateLimiter<HttpContext> Create() =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!IsSignInAttempt(context))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }
            var permits = context.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.SignInAttemptsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(
                "signin:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
}
