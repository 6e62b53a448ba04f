using XaiLab.Data;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web;

/// <summary>
/// Every feature binds its options with validation at start: a wrong value stops the real application before it serves
/// anything, with a message that names the configuration key, instead of failing at first use.
/// </summary>
[Collection(WebHostCollection.Name)]
public class WebHostingExtensionsTests
{
    public static TheoryData<string, string> WrongValues() => new()
    {
        { "Imports:MaxUploadBytes", "0" },
        { "Imports:MaxUploadBytes", "lots" },
        { "Demo:Size", "16" },
        { "SanityCheck:MaxSteps", "0" },
        { "SanityCheck:FlagRankCorrelation", "2" },
        { "AttributionFigure:CellSize", "8" },
        { "AttributionFigure:FontPath", "/no/such/font.ttf" },
        { "DatabaseHealth:IntervalSeconds", "0" },
        { "Accounts:LockoutMinutes", "-1" },
        { "XaiLab:Admin:Email", "nobody" },
        { "XaiLab:Compute:LocalWorkers", "100" },
        { "Jobs:MaxWorkerCrashes", "-1" },
        { "XaiLab:Proxy:KnownProxies:0", "not-an-address" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void Start_WithAWrongValue_FailsNamingTheKey(string key, string value)
    {
        using var app = new XaiLabAppFactory(DatabaseProvider.Sqlite).WithSetting(key, value);
        var error = Assert.ThrowsAny<Exception>(() => app.CreateAnonymousClient());
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(key, messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithDefaults_Serves()
    {
        using var app = new XaiLabAppFactory(DatabaseProvider.Sqlite);
        using var client = app.CreateAnonymousClient();
        using var response = await client.GetAsync("/api/health");
        Assert.True(response.IsSuccessStatusCode, $"/api/health answered {(int)response.StatusCode}");
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
            }
        }
    }
}
