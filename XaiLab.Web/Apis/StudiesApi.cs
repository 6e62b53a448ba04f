using XaiLab.Web.Services.Deletion;
using XaiLab.Data.Entities;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Services;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Studies;

namespace XaiLab.Web.Apis;

/// <summary>
/// Blinded rating studies. Researchers (and admins) create, read, close and read results; an annotator gets only their
/// own presentations, by opaque token, with nothing naming a run, model or method, until the study is closed.
/// </summary>
public static class StudiesApi
{
    public static IEndpointRouteBuilder MapStudiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studies").WithTags("Studies");

        api.MapPost("", async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> (
            CreateStudyRequest request, [FromServices] ICurrentUser user, StudyService studies, CancellationToken ct) =>
        {
            if (Denied(user, manage: true) is { } denied) return denied;
            var id = await studies.CreateAsync(request, user.UserId, ct);
            return TypedResults.Created($"/api/studies/{id}", new CreatedResponse(id));
        });

        api.MapGet("", async Task<Results<Ok<IReadOnlyList<StudySummaryResponse>>, ProblemHttpResult>> (
            [FromServices] ICurrentUser user, StudyService studies, CancellationToken ct) =>
        {
            if (Denied(user, manage: false) is { } denied) return denied;
            return TypedResults.Ok(StudyAccess.CanManage(user) ? await studies.ListAsync(ct) : await studies.ListForAnnotatorAsync(user.UserId!, ct));
        });

        api.MapGet("/{id:int}", async Task<Results<Ok<StudyResponse>, Ok<AnnotatorStudyResponse>, NotFound, ProblemHttpResult>> (
            int id, [FromServices] ICurrentUser user, StudyService studies, StudyAnnotationService annotation, CancellationToken ct) =>
        {
            if (Denied(user, manage: false) is { } denied) return denied;
            if (StudyAccess.CanManage(user))
            {
                return await studies.GetAsync(id, ct) is { } study ? TypedResults.Ok(study) : TypedResults.NotFound();
            }
            return await annotation.GetAsync(id, user.UserId!, ct) is { } mine ? TypedResults.Ok(mine) : TypedResults.NotFound();
        });

        api.MapGet("/{id:int}/next", async Task<Results<Ok<NextStudyItemResponse>, NotFound, ProblemHttpResult>> (
            int id, [FromServices] ICurrentUser user, StudyAnnotationService annotation, CancellationToken ct) =>
        {
            if (Denied(user, manage: false) is { } denied) return denied;
            var study = await annotation.GetAsync(id, user.UserId!, ct);
            if (study is null) return TypedResults.NotFound();
            if (study.Status != StudyStatus.Open) return ApiProblems.From(RequestValidationException.InConflict("The study is closed."));
            return await annotation.NextAsync(id, user.UserId!, ct) is { } next ? TypedResults.Ok(next) : TypedResults.NotFound();
        });

        api.MapPost("/{id:int}/ratings", async Task<Results<Ok<StudyProgressResponse>, NotFound, ProblemHttpResult>> (
            int id, RateStudyItemRequest request, [FromServices] ICurrentUser user, StudyAnnotationService annotation, CancellationToken ct) =>
        {
            if (Denied(user, manage: false) is { } denied) return denied;
            return await annotation.RateAsync(id, user.UserId!, request, ct) is { } progress ? TypedResults.Ok(progress) : TypedResults.NotFound();
        });

        api.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (
            int id, bool? cascade, [FromServices] ICurrentUser user, DeletionService deletion, CancellationToken ct) =>
        {
            if (Denied(user, manage: true) is { } denied) return denied;
            await deletion.DeleteStudyAsync(id, cascade ?? false, ct);
            return TypedResults.NoContent();
        });

        api.MapPost("/{id:int}/close", async Task<Results<NoContent, ProblemHttpResult>> (
            int id, [FromServices] ICurrentUser user, StudyService studies, CancellationToken ct) =>
        {
            if (Denied(user, manage: true) is { } denied) return denied;
            await studies.CloseAsync(id, ct);
            return TypedResults.NoContent();
        });

        api.MapGet("/{id:int}/results", async Task<Results<Ok<StudyResultsResponse>, NotFound, ProblemHttpResult>> (
            int id, [FromServices] ICurrentUser user, StudyResultsService results, CancellationToken ct) =>
        {
            if (Denied(user, manage: true) is { } denied) return denied;
            return await results.GetAsync(id, ct) is { } response ? TypedResults.Ok(response) : TypedResults.NotFound();
        });

        api.MapGet("/{id:int}/results.csv", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
            int id, [FromServices] ICurrentUser user, StudyResultsService results, CancellationToken ct) =>
        {
            if (Denied(user, manage: true) is { } denied) return denied;
            return await results.CsvAsync(id, ct) is { } csv
                ? TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"xailab-study-{id}-ratings.csv")
                : TypedResults.NotFound();
        });

        api.MapGet("/{id:int}/items/{token}/{layer}.png", async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> (
            int id, string token, string layer, [FromServices] ICurrentUser user, StudyItemImages images, HttpContext http, CancellationToken ct) =>
        {
            if (Denied(user, manage: false) is { } denied) return denied;
            if (!Enum.TryParse<StudyImageLayer>(layer, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || layer.Any(char.IsDigit))
            {
                return TypedResults.NotFound();
            }
            var png = await images.RenderAsync(id, token, kind, user.UserId, StudyAccess.CanManage(user) ? user.TeamIds : null, ct);
            if (png is null) return TypedResults.NotFound();
            // Per-user content behind an unguessable URL: the browser may keep it, shared caches may not.
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return TypedResults.File(png, "image/png");
        }).WithTags("Studies");
        return app;
    }

    /// <summary>401 for anonymous callers; 403 when <paramref name="manage"/> asks for a researcher or admin; else null.</summary>
    private static ProblemHttpResult? Denied(ICurrentUser user, bool manage)
    {
        if (!user.IsAuthenticated || user.UserId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in required");
        }
        return manage && !StudyAccess.CanManage(user)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Only researchers and admins manage studies and read their results.")
            : null;
    }
}
