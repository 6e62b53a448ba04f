using XaiLab.Data.Entities;

namespace XaiLab.Web.Services.Studies;

/// <summary>One presentation of a study with its (unblinded) item and the annotator's rating, if given.</summary>
internal sealed record StudyRow(StudyAssignment Assignment, StudyItem Item, SaliencyRating? Rating);
