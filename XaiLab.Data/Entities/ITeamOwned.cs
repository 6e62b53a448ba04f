namespace XaiLab.Data.Entities;

/// <summary>
/// An object that belongs to one team: the unit of visibility. Other teams' objects do not exist for a caller (the web
/// layer's team scope filters every query by it).
/// </summary>
public interface ITeamOwned
{
    int TeamId { get; }
}
