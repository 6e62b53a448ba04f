namespace XaiLab.Web.Apis.Contracts;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string? UserId, string? User, string Action, string ObjectType,
    string? ObjectId, string? Detail, string? IpAddress);
