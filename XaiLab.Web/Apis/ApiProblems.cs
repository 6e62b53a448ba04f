using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Services;

namespace XaiLab.Web.Apis;

/// <summary>Turns a rejected request into RFC 7807 problem details: 400 for bad input, 403 for a role or team the caller
/// lacks, 404 for an object the caller cannot see, 409 for a conflicting state.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult From(RequestValidationException exception) =>
        exception switch
        {
            { Missing: true } => TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
            { Forbidden: true } => TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
            { Throttled: true } => TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests"),
            { Conflict: true } => TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            _ => TypedResults.Problem(detail: exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request"),
        };
}
