namespace XaiLab.Web.Services;

/// <summary>A request that cannot be carried out as asked; the message says why (shown to users, returned as 400/403/404/409).</summary>
public sealed class RequestValidationException(string message, bool conflict = false) : Exception(message)
{
    /// <summary>True when the request is valid but the current state forbids it (409 rather than 400).</summary>
    public bool Conflict { get; } = conflict;

    /// <summary>True when the object named does not exist or belongs to a team the caller is not in (404).</summary>
    public bool Missing { get; private init; }

    /// <summary>True when the caller's role or teams do not allow the request (403).</summary>
    public bool Forbidden { get; private init; }

    /// <summary>An object that does not exist for the caller: other teams' objects are reported exactly like absent ones.</summary>
    public static RequestValidationException NotFound(string message) => new(message) { Missing = true };

    public static RequestValidationException Denied(string message) => new(message) { Forbidden = true };

    /// <summary>A valid request the object's current state refuses (409): cancelling what has finished, and the like.</summary>
    public static RequestValidationException InConflict(string message) => new(message, conflict: true);

    /// <summary>True when the caller asked for too much expensive work too fast (429, with Retry-After).</summary>
    public bool Throttled { get; private init; }

    /// <summary>Seconds after which a throttled caller may try again.</summary>
    public int RetryAfterSeconds { get; private init; }

    public static RequestValidationException TooMany(string message, int retryAfterSeconds) =>
        new(message) { Throttled = true, RetryAfterSeconds = retryAfterSeconds };
}
