using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Web.Services.Audit;

/// <summary>The audit log in the application database. Scoped: it reads the acting user from <see cref="ICurrentUser"/>.</summary>
public sealed class AuditLog(
    IDbContextFactory<XaiLabDbContext> contexts,
    ICurrentUser user,
    IHttpContextAccessor http,
    TimeProvider time) : IAuditLog
{
    public Task RecordAsync(string action, string objectType, string? objectId, string? detail, CancellationToken ct) =>
        WriteAsync(action, objectType, objectId, detail, user.UserId, null, ct);

    /// <summary>Records an event for a user who is not (yet) the request's principal: sign-in attempts.</summary>
    public Task RecordForAsync(string? userId, string? userName, string action, string objectType, string? objectId, string? detail, CancellationToken ct) =>
        WriteAsync(action, objectType, objectId, detail, userId, userName, ct);

    private async Task WriteAsync(string action, string objectType, string? objectId, string? detail, string? userId, string? userName, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (userName is null && userId is not null)
        {
            userName = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserId = userId,
            UserName = Clip(userName, 256),
            Action = Clip(action, 64)!,
            ObjectType = Clip(objectType, 64)!,
            ObjectId = Clip(objectId, 64),
            Detail = Clip(detail, 2000),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string? Clip(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
