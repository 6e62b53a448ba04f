namespace XaiLab.Web.Services;

/// <summary>A request that cannot be carried out as asked; the message says why (shown to users, returned as 400/409).</summary>
public sealed class RequestValidationException(string message, bool conflict = false) : Exception(message)
{
    /// <summary>True when the request is valid but the current state forbids it (409 rather than 400).</summary>
    public bool Conflict { get; } = conflict;
}
