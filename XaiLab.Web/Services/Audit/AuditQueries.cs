using Microsoft.EntityFrameworkCore;
using XaiLab.Data;
using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Audit;

/// <summary>Reads the audit log for administrators (the page, the API and the CSV export).</summary>
public sealed class AuditQueries(IDbContextFactory<XaiLabDbContext> contexts)
{
    public const int MaxTake = 10_000;

    /// <summary>The newest entries matching <paramref name="filter"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Take is < 1 or > MaxTake)
        {
            throw new RequestValidationException($"take must be between 1 and {MaxTake}.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToLowerInvariant();
            query = query.Where(a => a.UserName != null && a.UserName.ToLower().StartsWith(user));
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim().ToLowerInvariant();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        if (!string.IsNullOrWhiteSpace(filter.ObjectType))
        {
            var type = filter.ObjectType.Trim().ToLowerInvariant();
            query = query.Where(a => a.ObjectType == type);
        }
        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(a => a.At <= to);
        }
        return await query.OrderByDescending(a => a.Id).Take(filter.Take).ToListAsync(cancellationToken);
    }
}
