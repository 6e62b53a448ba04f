namespace XaiLab.Web.Services.Studies;

/// <summary>
/// Every annotator's own order of a study's items: all items (gold included) shuffled with a seed derived from the study
/// seed and the annotator's index, then <c>repeats</c> non-gold items shown a second time at least
/// <see cref="MinimumRepeatGap"/> places after their first showing (or at the end), and pair sides shuffled per showing.
/// Reproducible: the same seed and annotators give the same orders.
/// </summary>
public static class StudySchedule
{
    /// <summary>Fewest other items between an item and its repeat, where the order is long enough.</summary>
    public const int MinimumRepeatGap = 3;

    /// <param name="items">Per item of the study: whether it is gold (never repeated).</param>
    /// <param name="repeats">Items to show twice; capped at the number of non-gold items.</param>
    /// <param name="seed">The study's seed.</param>
    /// <param name="annotatorIndex">The annotator's place in the study's annotator list.</param>
    public static IReadOnlyList<ScheduledPresentation> For(IReadOnlyList<bool> items, int repeats, int seed, int annotatorIndex)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(repeats);
        // System.Random with a seed is the stable legacy generator: the same order on every platform and .NET version.
        var random = new Random(unchecked(seed * 1_000_003 + annotatorIndex * 7_919 + 17));
        var order = Enumerable.Range(0, items.Count).ToArray();
        random.Shuffle(order);
        var presentations = order.Select(i => (Item: i, Repeat: false)).ToList();

        var repeatable = order.Where(i => !items[i]).ToArray();
        random.Shuffle(repeatable);
        // Items shown first near the end cannot get the gap: take them last.
        var tail = order.Skip(Math.Max(0, order.Length - MinimumRepeatGap)).ToHashSet();
        repeatable = [.. repeatable.Where(i => !tail.Contains(i)), .. repeatable.Where(tail.Contains)];
        foreach (var item in repeatable.Take(Math.Min(repeats, repeatable.Length)))
        {
            var first = presentations.FindIndex(p => p.Item == item && !p.Repeat);
            var earliest = Math.Min(first + 1 + MinimumRepeatGap, presentations.Count);
            presentations.Insert(random.Next(earliest, presentations.Count + 1), (item, true));
        }
        return presentations.Select(p => new ScheduledPresentation(p.Item, p.Repeat, random.Next(2) == 1)).ToList();
    }
}
