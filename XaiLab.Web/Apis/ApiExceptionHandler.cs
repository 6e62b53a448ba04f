using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Jobs.Artifacts;
using XaiLab.Web.Services;

namespace XaiLab.Web.Apis;

/// <summary>
/// The one error contract of the API: a <see cref="RequestValidationException"/> that leaves any endpoint becomes its
/// problem details (400/403/404/409, <see cref="ApiProblems"/>), a request the binder could not read (bad JSON, a query
/// value of the wrong type) a 400, and a worker that could not compute an artifact a 503 — in every environment.
/// Anything else stays a 500 without details.
/// </summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemHttpResult? problem = exception switch
        {
            RequestValidationException e => ApiProblems.From(e),
            BadHttpRequestException e => TypedResults.Problem(detail: e.Message, statusCode: e.StatusCode, title: "Invalid request"),
            ArtifactComputationException e => TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "No worker could answer"),
            _ => null,
        };
        if (problem is null || httpContext.Response.HasStarted)
        {
            return false;
        }
        httpContext.Response.Clear();
        if (exception is RequestValidationException { Throttled: true } throttled)
        {
            httpContext.Response.Headers.RetryAfter = throttled.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
