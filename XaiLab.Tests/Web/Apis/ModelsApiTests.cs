using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using XaiLab.Engine.Models;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Web.Apis;

/// <summary>The model table through the real host, at 32 px so that no big network is built at 224.</summary>
[Collection(WebHostCollection.Name)]
[Trait(DatabaseTraits.Name, DatabaseTraits.Both)]
public sealed class ModelsApiTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Models_ListsEveryArchitectureWithCatalogNumbersAndRefusesTooSmallOnes()
    {
        using var client = factory.CreateClient();
        var models = await client.GetFromJsonAsync<JsonElement>("/api/models?size=32&channels=1&classes=3");

        var byName = models.EnumerateArray().ToDictionary(m => m.GetProperty("architecture").GetString()!);
        Assert.Equal(ArchitectureNames.All.Values, byName.Keys);

        var expected = ModelCatalog.Describe(new ModelSpec(Architecture.ResNet50, 1, 3, 32));
        var resnet = byName["resnet50"];
        Assert.True(resnet.GetProperty("supported").GetBoolean());
        Assert.Equal(expected.Parameters, resnet.GetProperty("parameters").GetInt64());
        Assert.Equal(expected.TrainableParameters, resnet.GetProperty("trainableParameters").GetInt64());
        Assert.Equal(expected.SizeMb, resnet.GetProperty("sizeMb").GetDouble());
        Assert.Equal(expected.Depth, resnet.GetProperty("depth").GetInt32());
        Assert.Equal(expected.WeightLayerDepth, resnet.GetProperty("weightLayerDepth").GetInt32());
        Assert.Equal(expected.Flops, resnet.GetProperty("flops").GetInt64());
        Assert.Equal(32, resnet.GetProperty("minInputSize").GetInt32());
        Assert.Equal(2048, resnet.GetProperty("embeddingLength").GetInt64());

        // InceptionV3's minimum is 75: listed, with the reason, instead of failing the list.
        var inception = byName["inceptionv3"];
        Assert.False(inception.GetProperty("supported").GetBoolean());
        Assert.Equal(75, inception.GetProperty("minInputSize").GetInt32());
        Assert.Contains("75", inception.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, inception.GetProperty("parameters").ValueKind);
    }

    [Fact]
    public async Task Models_ListsAllAsUnsupportedBelowEveryMinimumAndRejectsBadQueries()
    {
        using var client = factory.CreateClient();
        var tooSmall = await client.GetFromJsonAsync<JsonElement>("/api/models?size=8");
        Assert.All(tooSmall.EnumerateArray(), m => Assert.False(m.GetProperty("supported").GetBoolean()));

        var badClasses = await client.GetAsync("/api/models?size=32&classes=1");
        Assert.Equal(HttpStatusCode.BadRequest, badClasses.StatusCode);
        Assert.Contains("classes", await badClasses.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/models?size=4096")).StatusCode);
    }

    [Fact]
    public async Task ModelsCsv_HasOneRowPerArchitecture()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/models.csv?size=32&channels=1&classes=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("architecture,supported,input_size,channels,classes,size_mb,parameters", lines[0]);
        Assert.Equal(ArchitectureNames.All.Count + 1, lines.Length);
        var expected = ModelCatalog.Describe(new ModelSpec(Architecture.SmallCnn, 1, 3, 32));
        Assert.StartsWith($"smallcnn,true,32,1,3,{expected.SizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture)},{expected.Parameters},", lines[1]);
    }

    [Fact]
    public async Task NewConfigurations_AreBoundedPerHour_With429AndRetryAfter_WhileDescribedOnesStayFree()
    {
        using var client = factory.CreateClient();
        // Below every minimum nothing is built, so the budget is spent cheaply: 8..37 px are 30 new configurations.
        for (var size = 8; size < 8 + XaiLab.Web.Services.Models.ModelDescriptions.NewConfigurationsPerHour; size++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/models?size={size}&classes=2")).StatusCode);
        }

        var refused = await client.GetAsync("/api/models?size=9&classes=3");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 3600);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/models?size=8&classes=2")).StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
