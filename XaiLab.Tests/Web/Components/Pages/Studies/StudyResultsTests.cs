using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data.Artifacts;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.TestDoubles;
using XaiLab.Tests.Web.Apis.Studies;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Components.Pages.Studies;
using XaiLab.Web.Services.Accounts;
using XaiLab.Web.Services.Studies;

namespace XaiLab.Tests.Web.Components.Pages.Studies;

/// <summary>The researcher's results page of a study over a real SQLite study.</summary>
public sealed class StudyResultsTests : PageTestContext
{
    public StudyResultsTests()
    {
        Services.AddSingleton(new ArtifactStore(Path.Combine(Database.Folder, "artifacts")));
        Services.AddScoped<StudyService>();
        Services.AddScoped<StudyResultsService>();
        Services.AddSingleton<ICurrentUser>(new FixedStudyUser("rita", XaiLabRoles.Researcher));
        Services.AddDeletionFromPages(Database.Folder);
    }

    [Fact]
    public async Task Delete_NamesWhatGoes_ThenDeletesTheStudyButKeepsItsMaps()
    {
        var maps = await StudyMaps.SeedAsync(Context.Services, slices: 2);
        SeedAnnotator("dana");
        var studies = Context.Services.GetRequiredService<StudyService>();
        var id = await studies.CreateAsync(new CreateStudyRequest("Round A", "How well does it match?", 5, false,
            [.. maps.Take(3).Select(m => m.MapId)], [], ["dana"], 1, null, 3), "r1");
        var dialogs = ConfirmationDialogs.Render(Context);
        var cut = Context.Render<StudyResults>(p => p.Add(r => r.StudyId, id));

        cut.WaitForElement("[data-testid=results-delete]").Click();
        ConfirmationDialogs.Confirm(dialogs, "Delete the study \"Round A\", its 3 items, assignments and 0 rating(s)? The maps it shows stay.");

        cut.WaitForAssertion(() => Assert.EndsWith("/studies", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        using var db = Database.Create();
        Assert.False(db.Studies.Any(s => s.Id == id));
        Assert.Equal(maps.Count, db.StoredAttributions.Count());
    }
}
