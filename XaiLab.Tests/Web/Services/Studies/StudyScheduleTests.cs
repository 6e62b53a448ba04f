using XaiLab.Web.Services.Studies;

namespace XaiLab.Tests.Web.Services.Studies;

public sealed class StudyScheduleTests
{
    private static readonly bool[] Items = [.. Enumerable.Range(0, 20).Select(i => i == 19)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void For_ShowsEveryItemOnce_PlusRepeatsOfNonGoldItemsAfterAGap(int seed)
    {
        var order = StudySchedule.For(Items, repeats: 4, seed, annotatorIndex: 0);
        Assert.Equal(24, order.Count);
        Assert.Equal(Enumerable.Range(0, 20), order.Where(p => !p.IsRepeat).Select(p => p.ItemIndex).Order());
        var repeats = order.Select((p, position) => (p, position)).Where(x => x.p.IsRepeat).ToList();
        Assert.Equal(4, repeats.Count);
        foreach (var (presentation, position) in repeats)
        {
            Assert.False(Items[presentation.ItemIndex]);
            var first = order.ToList().FindIndex(p => p.ItemIndex == presentation.ItemIndex && !p.IsRepeat);
            Assert.True(position - first > StudySchedule.MinimumRepeatGap, $"repeat at {position}, first at {first}");
        }
    }

    [Fact]
    public void For_IsReproducible_AndDiffersBetweenAnnotators()
    {
        var alice = StudySchedule.For(Items, 2, 3, 0).Select(p => p.ItemIndex).ToList();
        Assert.Equal(alice, StudySchedule.For(Items, 2, 3, 0).Select(p => p.ItemIndex));
        Assert.NotEqual(alice, StudySchedule.For(Items, 2, 3, 1).Select(p => p.ItemIndex));
        Assert.NotEqual(alice, StudySchedule.For(Items, 2, 4, 0).Select(p => p.ItemIndex));
        // More repeats than repeatable items: each non-gold item at most twice.
        Assert.Equal(2 * 19 + 1, StudySchedule.For(Items, 100, 3, 0).Count);
    }
}
