using System.Reflection;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web;

/// <summary>
/// xunit v2 takes traits from a test method and its class, not from the collection definition, and the browser classes
/// share no base class: so each carries the Browser category itself. This keeps a new one from slipping into the fast
/// local run (<c>--filter "Category!=Browser"</c>), and keeps the category off every other class.
/// </summary>
public class BrowserCategoryTests
{
    [Fact]
    public void BrowserTestClasses_AndOnlyThey_CarryTheBrowserCategory()
    {
        var testClasses = typeof(BrowserCategoryTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))
            .ToList();

        var browserNamespace = typeof(BrowserCategoryTests).Namespace + ".Browser";
        var expected = testClasses.Where(t => t.Namespace == browserNamespace).Select(t => t.Name).Order().ToList();
        var tagged = testClasses.Where(IsBrowserCategory).Select(t => t.Name).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, tagged);
    }

    private static bool IsBrowserCategory(Type type) =>
        type.CustomAttributes.Any(a => a.AttributeType == typeof(TraitAttribute)
            && Equals(a.ConstructorArguments[0].Value, TestCategories.Name)
            && Equals(a.ConstructorArguments[1].Value, TestCategories.Browser));
}
