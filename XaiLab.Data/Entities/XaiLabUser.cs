using Microsoft.AspNetCore.Identity;

namespace XaiLab.Data.Entities;

/// <summary>A person who signs in (ASP.NET Core Identity user); their teams are <see cref="TeamMembership"/> rows.</summary>
public class XaiLabUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
    public List<TeamMembership> Memberships { get; set; } = [];
}
