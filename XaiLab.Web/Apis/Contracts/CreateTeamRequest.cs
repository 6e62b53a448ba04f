namespace XaiLab.Web.Apis.Contracts;

public sealed record CreateTeamRequest(string? Name);
