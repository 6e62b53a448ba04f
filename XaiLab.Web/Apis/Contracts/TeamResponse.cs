namespace XaiLab.Web.Apis.Contracts;

public sealed record TeamResponse(int Id, string Name, DateTimeOffset CreatedAt);
