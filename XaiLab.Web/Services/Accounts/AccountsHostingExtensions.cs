using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Services.Accounts;

public static class AccountsHostingExtensions
{
    /// <summary>
    /// Identity on the application database, the cookie (pages) and personal-access-token (API) schemes behind one policy
    /// scheme, the role policies, sign-in throttling and lockout, the current user and the audit log.
    /// </summary>
    public static IHostApplicationBuilder AddXaiLabAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Email) && o.Email.Contains('@'), $"{AdminOptions.SectionName}:Email must be an e-mail address.")
            .ValidateOnStart();
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.SectionName)
            .Validate(o => o.SignInAttemptsPerMinute >= 1, $"{AccountsOptions.SectionName}:SignInAttemptsPerMinute must be at least 1.")
            .Validate(o => o.MaxFailedAccessAttempts >= 1, $"{AccountsOptions.SectionName}:MaxFailedAccessAttempts must be at least 1.")
            .Validate(o => o.LockoutMinutes > 0, $"{AccountsOptions.SectionName}:LockoutMinutes must be more than 0.")
            .Validate(o => o.RevalidationMinutes > 0, $"{AccountsOptions.SectionName}:RevalidationMinutes must be more than 0.")
            .ValidateOnStart();
        var accounts = builder.Configuration.GetSection(AccountsOptions.SectionName).Get<AccountsOptions>() ?? new AccountsOptions();

        // Cookies must survive a restart: the keys live in the data directory, not in memory.
        var keys = builder.XaiLabDataDirectory().Combine("keys");
        services.AddDataProtection().SetApplicationName("XaiLab").PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, XaiLabRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options => options.DefaultScheme = AccountSchemes.CookieOrToken)
            .AddPolicyScheme(AccountSchemes.CookieOrToken, "Cookie or personal access token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? AccountSchemes.Token : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(AccountSchemes.Token, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "xailab.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, also behind a TLS proxy once XaiLab:Proxy:TrustForwardedHeaders is on.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = SignInThrottle.SignInPath;
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            // The API answers 401/403; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        // Every cookie request checks the security stamp (one indexed read): a sign-out, password reset, lock or role
        // change ends copies of the cookie at once. Open circuits re-check every Accounts:RevalidationMinutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.AddIdentityCore<XaiLabUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<XaiLabDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<XaiLabClaimsPrincipalFactory>();

        services.AddAuthorizationBuilder()
            .AddPolicy(XaiLabPolicies.Read, policy => policy.RequireAuthenticatedUser().RequireRole(XaiLabPolicies.ReadRoles))
            .AddPolicy(XaiLabPolicies.Write, policy => policy.RequireAuthenticatedUser().RequireRole(XaiLabPolicies.WriteRoles))
            .AddPolicy(XaiLabPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(XaiLabRoles.Admin));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The sign-in window is a minute: say when to come back.
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = SignInThrottle.Create();
        });

        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<TeamAccess>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuditLog>(provider => provider.GetRequiredService<AuditLog>());
        services.AddScoped<AuditQueries>();
        services.AddSingleton<PersonalAccessTokens>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<AdminBootstrapper>();
        return builder;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
