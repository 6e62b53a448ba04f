using Microsoft.AspNetCore.Http.HttpResults;
using XaiLab.Web.Services;

namespace XaiLab.Web.Apis;

/// <summary>Turns a rejected request into RFC 7807 problem details: 400 for bad input, 409 for a conflicting state.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult From(RequestValidationException exception) =>
        TypedResults.Problem(
            detail: exception.Message,
            statusCode: exception.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            title: exception.Conflict ? "Conflict" : "Invalid request");
}
