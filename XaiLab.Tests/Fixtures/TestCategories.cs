namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The "Category" trait. Every class under Web/Browser carries <see cref="Browser"/> (headless Chromium against a live
/// Kestrel host: the slowest tests), so a local run can leave them out with <c>--filter "Category!=Browser"</c>;
/// scripts/test.sh and CI run them with everything else.
/// </summary>
public static class TestCategories
{
    public const string Name = "Category";
    public const string Browser = "Browser";
}
