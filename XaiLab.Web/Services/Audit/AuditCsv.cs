using XaiLab.Data.Entities;
using XaiLab.Web.Services.Exports;

namespace XaiLab.Web.Services.Audit;

/// <summary>The audit log as CSV (one row per entry, ISO 8601 UTC times).</summary>
public static class AuditCsv
{
    public static string Write(IEnumerable<AuditEntry> entries) =>
        CsvTable.Write(
            ["id", "at", "userId", "user", "action", "objectType", "objectId", "detail", "ipAddress"],
            entries.Select(a => (IReadOnlyList<object?>)
            [
                a.Id, a.At.UtcDateTime.ToString("o"), a.UserId, Inert(a.UserName), a.Action, a.ObjectType, Inert(a.ObjectId), Inert(a.Detail), a.IpAddress,
            ]));

    /// <summary>Text typed by users (a failed sign-in's name, names in details) must not run as a spreadsheet formula.</summary>
    private static string? Inert(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
