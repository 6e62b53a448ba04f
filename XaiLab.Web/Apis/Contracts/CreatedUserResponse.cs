namespace XaiLab.Web.Apis.Contracts;

public sealed record CreatedUserResponse(string Id);
