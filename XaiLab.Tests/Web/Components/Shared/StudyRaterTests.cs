using XaiLab.Data.Entities;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Apis.Contracts;
using XaiLab.Web.Components.Shared;

namespace XaiLab.Tests.Web.Components.Shared;

public sealed class StudyRaterTests : MudBunitContext
{
    private readonly List<RateStudyItemRequest> answers = [];
    private readonly List<int> moves = [];

    private static StudyTaskResponse Single(StudyTaskRatingResponse? rating = null) =>
        new("0123456789abcdef0123456789abcdef", 3, StudyItemKind.Single, "/i.png", "/m.png", ["/o.png"], rating);

    private static StudyTaskResponse Pair() =>
        new("fedcba9876543210fedcba9876543210", 0, StudyItemKind.Pair, "/i.png", "/m.png", ["/l.png", "/r.png"], null);

    private IRenderedComponent<StudyRater> Render(StudyTaskResponse item, bool back = true, bool forward = true, bool askClick = false) =>
        Context.Render<StudyRater>(p => p
            .Add(r => r.Item, item)
            .Add(r => r.Question, "How well?")
            .Add(r => r.ScalePoints, 5)
            .Add(r => r.AskClick, askClick)
            .Add(r => r.Done, 3)
            .Add(r => r.Total, 10)
            .Add(r => r.CanGoBack, back)
            .Add(r => r.CanGoForward, forward)
            .Add(r => r.OnRate, a => answers.Add(a))
            .Add(r => r.OnNavigate, d => moves.Add(d)));

    [Fact]
    public void DigitKeys_RateOnTheScale_AndOthersAreIgnored()
    {
        var cut = Render(Single());
        var keys = cut.Find("[data-testid=rater-keys]");
        keys.KeyDown(new KeyboardEventArgs { Key = "4" });
        keys.KeyDown(new KeyboardEventArgs { Key = "6" });
        keys.KeyDown(new KeyboardEventArgs { Key = "0" });
        keys.KeyDown(new KeyboardEventArgs { Key = "1" });
        Assert.Equal([4, 1], answers.Select(a => a.Value!.Value));
        Assert.All(answers, a => Assert.Equal("0123456789abcdef0123456789abcdef", a.Token));
        Assert.All(answers, a => Assert.Null(a.Choice));
        // The last answer is the one shown as given: only button 1 is pressed.
        Assert.Equal(["1"], PressedButtons(cut));
    }

    [Fact]
    public void Arrows_NavigateOnlyWhereAllowed()
    {
        var cut = Render(Single(), back: true, forward: false);
        var keys = cut.Find("[data-testid=rater-keys]");
        keys.KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        keys.KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal([-1], moves);
        Assert.Empty(answers);
    }

    [Fact]
    public void Space_TogglesTheMaskContour_AndPlusMinusChangeTheOpacity()
    {
        var cut = Render(Single());
        Assert.Single(cut.FindAll("[data-testid=rater-mask]"));
        cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = " ", Code = "Space" });
        Assert.False(cut.Instance.ShowMask);
        Assert.Empty(cut.FindAll("[data-testid=rater-mask]"));
        cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = " ", Code = "Space" });
        Assert.True(cut.Instance.ShowMask);

        cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = "+" });
        cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = "+" });
        Assert.Equal(0.7, cut.Instance.Opacity, 9);
        Assert.Contains("opacity:0.7", cut.Find("[data-testid=rater-overlay]").GetAttribute("style"));
        for (var i = 0; i < 10; i++) cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = "-" });
        Assert.Equal(0, cut.Instance.Opacity);
        Assert.Empty(answers);
    }

    [Fact]
    public void PairItems_ChooseLeftOrRightWithOneAndTwo()
    {
        var cut = Render(Pair());
        Assert.Equal(2, cut.FindAll("[data-testid=rater-overlay]").Count);
        var keys = cut.Find("[data-testid=rater-keys]");
        keys.KeyDown(new KeyboardEventArgs { Key = "2" });
        keys.KeyDown(new KeyboardEventArgs { Key = "3" });
        keys.KeyDown(new KeyboardEventArgs { Key = "1" });
        Assert.Equal(["right", "left"], answers.Select(a => a.Choice));
        Assert.All(answers, a => Assert.Null(a.Value));
        Assert.Equal(["1 · Left"], PressedButtons(cut));
    }

    [Fact]
    public void Answers_CarryTheCommentAndTheClickPoint_AndGoingBackShowsTheEarlierAnswer()
    {
        var cut = Render(Single(new StudyTaskRatingResponse(2, null, null, null, "earlier")), askClick: true);
        Assert.Equal("earlier", cut.Find("[data-testid=rater-comment]").GetAttribute("value"));
        Assert.Equal(["2"], PressedButtons(cut));
        cut.Find("[data-testid=rater-comment]").Input("rim only");
        cut.Find("[data-testid=rater-stack]").Click(new MouseEventArgs { OffsetX = 220, OffsetY = 110 });
        Assert.Single(cut.FindAll("[data-testid=rater-point]"));
        cut.Find("[data-testid=rater-keys]").KeyDown(new KeyboardEventArgs { Key = "3" });
        var answer = Assert.Single(answers);
        Assert.Equal((3, "rim only", 0.5, 0.25), (answer.Value!.Value, answer.Comment, answer.ClickX!.Value, answer.ClickY!.Value));
        Assert.Equal(["3"], PressedButtons(cut));
    }

    /// <summary>The answer buttons announced as pressed (aria-pressed), by their text.</summary>
    private static IEnumerable<string> PressedButtons(IRenderedComponent<StudyRater> cut) =>
        cut.FindAll("[data-testid=rater-scale] button[aria-pressed=true]").Select(b => b.TextContent.Trim());
}
