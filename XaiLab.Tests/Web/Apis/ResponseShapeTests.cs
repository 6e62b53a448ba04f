using System.Text;
using System.Text.Json;
using XaiLab.Tests.Fixtures;
using XaiLab.Tests.Web.Apis.Accounts;

namespace XaiLab.Tests.Web.Apis;

/// <summary>
/// The JSON contract of every GET route, pinned: the access matrix's seeded objects are read through each route as an
/// administrator of their team, and each body is reduced to its shape (every field's path and kind, arrays by their
/// first element, and the values of the closed choices: statuses, stages, devices, architectures, methods and the like)
/// and compared with Web/Apis/ResponseShapes.txt. Scripts outside the project read these fields by name and compare
/// these values as strings, so a renamed field or a status spelled differently fails here. After a deliberate,
/// compatible extension: XAILAB_UPDATE_RESPONSE_SHAPES=1 dotnet test … --filter ResponseShapeTests rewrites the file in
/// the source tree (review the diff).
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ResponseShapeTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    /// <summary>Fields whose string values are closed choices: their values are part of the contract.</summary>
    private static readonly HashSet<string> ClosedChoices = new(StringComparer.Ordinal)
    {
        "status", "stage", "device", "architecture", "architectures", "split", "kind", "method", "methods", "requestedMethods",
        "optimizer", "schedule", "head", "role", "format", "source", "projection", "preset", "explainedOutput", "scale", "resize",
    };

    /// <summary>Parts that depend on the machine or on timing (which workers have announced themselves, whether the CPU
    /// decision came from the cache, whether a token's last use was written yet): kept as a name, not described.</summary>
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal)
    {
        "GET /api/health $.workers", "GET /api/health $.cpu", "GET /api/auth/tokens $[].lastUsedAt",
    };

    [Fact]
    public async Task EveryGetRoute_AnswersTheShapeOnFile()
    {
        var client = fixture.Clients[XaiLab.Web.Services.Accounts.XaiLabRoles.Admin];
        var shapes = new StringBuilder();
        foreach (var route in ApiRoutes.All.Where(r => r.Method == "GET" && r.Template != "/api/openapi.json"))
        {
            using var response = await client.GetAsync(route.Path(fixture.Own));
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!type.Contains("json", StringComparison.Ordinal))
            {
                shapes.AppendLine($"{route.Name} -> {(int)response.StatusCode} {type}");
                continue;
            }
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            shapes.AppendLine($"{route.Name} -> {(int)response.StatusCode} {type}");
            Describe(route.Name, document.RootElement, "$", null, shapes);
        }
        var actual = shapes.ToString().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("XAILAB_UPDATE_RESPONSE_SHAPES") == "1")
        {
            await File.WriteAllTextAsync(SourcePath(), actual);
        }
        var expected = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Web", "Apis", "ResponseShapes.txt"))).ReplaceLineEndings("\n");
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var missing = expectedLines.Except(actualLines).ToList();
        var added = actualLines.Except(expectedLines).ToList();
        Assert.True(missing.Count == 0 && added.Count == 0,
            $"Response shapes changed.\nGone or changed:\n  {string.Join("\n  ", missing)}\nNew:\n  {string.Join("\n  ", added)}");
    }

    private static void Describe(string route, JsonElement element, string path, string? name, StringBuilder shapes)
    {
        if (Volatile.Contains($"{route} {path}"))
        {
            shapes.AppendLine($"  {path} = (varies)");
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var any = false;
                foreach (var property in element.EnumerateObject())
                {
                    any = true;
                    Describe(route, property.Value, $"{path}.{property.Name}", property.Name, shapes);
                }
                if (!any) shapes.AppendLine($"  {path} = {{}}");
                break;
            case JsonValueKind.Array:
                var first = element.EnumerateArray().FirstOrDefault();
                if (first.ValueKind == JsonValueKind.Undefined)
                {
                    shapes.AppendLine($"  {path} = []");
                }
                else
                {
                    Describe(route, first, $"{path}[]", name, shapes);
                }
                break;
            case JsonValueKind.String:
                shapes.AppendLine(name is not null && ClosedChoices.Contains(name)
                    ? $"  {path} = \"{element.GetString()}\""
                    : $"  {path} = string");
                break;
            case JsonValueKind.Number:
                shapes.AppendLine($"  {path} = number");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                shapes.AppendLine($"  {path} = bool");
                break;
            default:
                shapes.AppendLine($"  {path} = null");
                break;
        }
    }

    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "ResponseShapes.txt");
}
