namespace XaiLab.Web.Apis.Contracts;

/// <summary>
/// A gold (quality-control) item: a single map with its expected Likert value, or a pair (<see cref="SecondMapId"/> set)
/// with its expected choice "a" or "b".
/// </summary>
public sealed record GoldItemRequest(int MapId, int? SecondMapId, int? ExpectedValue, string? ExpectedChoice);
