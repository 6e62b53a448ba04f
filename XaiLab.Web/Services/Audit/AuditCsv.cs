using XaiLab.Data.Entities;
using XaiLab.Web.Services.Exports;

namespace XaiLab.Web.Services.Audit;

/// <summary>The audit log as CSV (one row per entry, ISO 8601 UTC times; user-typed text defused by <see cref="CsvTable"/>).</summary>
public static class AuditCsv
{
    public static string Write(IEnumerable<AuditEntry> entries) =>
        CsvTable.Write(
            ["id", "at", "userId", "user", "action", "objectType", "objectId", "detail", "ipAddress"],
            entries.Select(a => (IReadOnlyList<object?>)
            [
                a.Id, a.At.UtcDateTime.ToString("o"), a.UserId, a.UserName, a.Action, a.ObjectType, a.ObjectId, a.Detail, a.IpAddress,
            ]));
}
