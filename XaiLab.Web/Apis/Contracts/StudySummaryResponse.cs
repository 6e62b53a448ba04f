using XaiLab.Data.Entities;
namespace XaiLab.Web.Apis.Contracts;

/// <summary>A line of the study list: researchers see every study, annotators theirs with their progress.</summary>
public sealed record StudySummaryResponse(int Id, string Title, StudyStatus Status, int Items, int Annotators, int Done, int Total, DateTimeOffset CreatedAt);
