namespace XaiLab.Web.Apis.Contracts;

public sealed record ClassCount(string Name, int Count);
