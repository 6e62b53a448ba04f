using Bunit;
using Microsoft.AspNetCore.Components.Web;
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

/// <summary>The annotator's rating page over a real SQLite study: blinded markup, keyboard rating, resume.</summary>
public sealed class RateStudyTests : PageTestContext
{
    public RateStudyTests()
    {
        Services.AddSingleton(new ArtifactStore(Path.Combine(Database.Folder, "artifacts")));
        Services.AddScoped<StudyService>();
        Services.AddScoped<StudyAnnotationService>();
        Services.AddSingleton<ICurrentUser>(new FixedStudyUser("dana", XaiLabRoles.Annotator));
    }

    [Fact]
    public async Task Annotator_RatesEveryItemByKeyboard_InBlindedMarkup_AndResumesWhereSheLeft()
    {
        var maps = await StudyMaps.SeedAsync(Context.Services, slices: 2);
        SeedAnnotator("dana");
        var studies = Context.Services.GetRequiredService<StudyService>();
        var id = await studies.CreateAsync(new CreateStudyRequest("Round A", "How well does it match?", 5, false,
            [.. maps.Take(4).Select(m => m.MapId)], [new StudyPairRequest(maps[4].MapId, maps[5].MapId)], ["dana"], 1, null, 3), "r1");

        var cut = Context.Render<RateStudy>(p => p.Add(r => r.StudyId, id));
        cut.WaitForElement("[data-testid=study-rater]");
        for (var rated = 0; rated < 3; rated++)
        {
            StudiesApiTests.AssertBlinded(cut.Markup, [.. StudyMaps.Methods, .. StudyMaps.Architectures, "/runs/", "attribution"]);
            Press(cut, cut.FindAll("[data-testid=rater-left]").Count > 0 ? "1" : "3");
            cut.WaitForAssertion(() => Assert.Contains($"{rated + 1} rated", cut.Find("[data-testid=rater-progress]").TextContent));
        }

        // Leaving and coming back resumes at the first unrated item.
        var resumed = Context.Render<RateStudy>(p => p.Add(r => r.StudyId, id));
        resumed.WaitForAssertion(() => Assert.Contains("Item 4 of 6", resumed.Find("[data-testid=rater-position]").TextContent));
        // Back to item 3 and forward again, without rating.
        Press(resumed, "ArrowLeft");
        resumed.WaitForAssertion(() => Assert.Contains("Item 3 of 6", resumed.Find("[data-testid=rater-position]").TextContent));
        Press(resumed, "ArrowRight");
        resumed.WaitForAssertion(() => Assert.Contains("Item 4 of 6", resumed.Find("[data-testid=rater-position]").TextContent));
        while (resumed.FindAll("[data-testid=rate-complete]").Count == 0)
        {
            StudiesApiTests.AssertBlinded(resumed.Markup, [.. StudyMaps.Methods, .. StudyMaps.Architectures, "/runs/", "attribution"]);
            var pair = resumed.FindAll("[data-testid=rater-left]").Count > 0;
            var before = resumed.Find("[data-testid=rater-position]").TextContent;
            Press(resumed, pair ? "1" : "4");
            resumed.WaitForAssertion(() => Assert.True(resumed.FindAll("[data-testid=rate-complete]").Count > 0
                || resumed.Find("[data-testid=rater-position]").TextContent != before));
        }

        var progress = await Context.Services.GetRequiredService<StudyAnnotationService>().NextAsync(id, "dana");
        Assert.True(progress!.Complete);
        Assert.Equal(6, progress.Done);
    }

    [Fact]
    public void Page_SaysSoWhenNothingIsAssigned()
    {
        var cut = Context.Render<RateStudy>(p => p.Add(r => r.StudyId, 424242));
        cut.WaitForElement("[data-testid=rate-missing]");
    }

    private static void Press<T>(IRenderedComponent<T> cut, string key) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = key });

    /// <summary>A real account for the annotator: studies take only raters who are users of the study's team.</summary>
}
