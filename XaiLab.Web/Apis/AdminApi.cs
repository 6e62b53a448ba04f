using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Web.Apis;

/// <summary>Teams, users and the audit log, for administrators.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(XaiLabPolicies.Admin);

        api.MapPost("/teams", async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> (
            CreateTeamRequest request, AccountAdministration administration, CancellationToken ct) =>
        {
            var id = await administration.CreateTeamAsync(request.Name, ct);
            return TypedResults.Created($"/api/admin/teams/{id}", new CreatedResponse(id));
        });

        api.MapGet("/teams", async (AccountAdministration administration, CancellationToken ct) =>
            TypedResults.Ok((await administration.ListTeamsAsync(ct)).Select(t => new TeamResponse(t.Id, t.Name, t.CreatedAt)).ToList()));

        api.MapPost("/users", async Task<Results<Created<CreatedUserResponse>, ProblemHttpResult>> (
            CreateUserRequest request, AccountAdministration administration, CancellationToken ct) =>
        {
            var id = await administration.CreateUserAsync(request.Email, request.Password, request.Role, request.TeamIds, ct);
            return TypedResults.Created($"/api/admin/users/{id}", new CreatedUserResponse(id));
        });

        api.MapGet("/users", async (AccountAdministration administration, CancellationToken ct) =>
            TypedResults.Ok(await administration.ListUsersAsync(ct)));

        api.MapPatch("/users/{id}", async Task<Results<NoContent, ProblemHttpResult>> (
            string id, UpdateUserRequest request, AccountAdministration administration, CancellationToken ct) =>
        {
            await administration.UpdateUserAsync(id, request.Role, request.TeamIds, request.Locked, ct);
            return TypedResults.NoContent();
        });

        api.MapPost("/users/{id}/password", async Task<Results<NoContent, ProblemHttpResult>> (
            string id, ResetPasswordRequest request, AccountAdministration administration, CancellationToken ct) =>
        {
            await administration.ResetPasswordAsync(id, request.Password, ct);
            return TypedResults.NoContent();
        });

        api.MapDelete("/users/{id}", async Task<Results<NoContent, ProblemHttpResult>> (
            string id, AccountAdministration administration, CancellationToken ct) =>
        {
            await administration.DeleteUserAsync(id, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/audit", async Task<Results<Ok<List<AuditEntryResponse>>, FileContentHttpResult, ProblemHttpResult>> (
            string? user, string? action, string? objectType, DateTimeOffset? from, DateTimeOffset? to, int? take, string? format,
            AuditQueries audit, CancellationToken ct) =>
        {
            var entries = await audit.ListAsync(new AuditFilter(user, action, objectType, from, to, take ?? 500), ct);
            if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AuditCsv.Write(entries)), "text/csv; charset=utf-8", "xailab-audit.csv");
            }
            return TypedResults.Ok(entries.Select(a => new AuditEntryResponse(a.Id, a.At, a.UserId, a.UserName, a.Action, a.ObjectType,
                a.ObjectId, a.Detail, a.IpAddress)).ToList());
        });
        return app;
    }
}
