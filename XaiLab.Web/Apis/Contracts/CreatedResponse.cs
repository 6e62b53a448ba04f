namespace XaiLab.Web.Apis.Contracts;

/// <summary>{"id": …} of something created or accepted.</summary>
public sealed record CreatedResponse(int Id);
