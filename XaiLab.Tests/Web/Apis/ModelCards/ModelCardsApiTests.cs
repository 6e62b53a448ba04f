using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Engine.Training;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;
using static TorchSharp.torch;

namespace XaiLab.Tests.Web.Apis.ModelCards;

/// <summary>GET /api/runs/{id}/model-card and /model-card.md through the real host, against a trained DenseNet121 run.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ModelCardsApiTests(ModelCardFixture fixture) : IClassFixture<ModelCardFixture>
{
    private static readonly string[] TopLevel =
        ["architecture", "classes", "inputSize", "channels", "head", "preprocessing", "training", "dataset", "metrics", "environment"];

    private static readonly string[] Sections =
    [
        "Model details", "Intended use", "Factors", "Metrics", "Evaluation data", "Training data", "Quantitative analyses",
        "Ethical considerations", "Caveats and recommendations",
    ];

    [Fact]
    public async Task CardPreprocessing_FedToTheExportedWeights_ReproducesTheStoredProbabilitiesBitForBit()
    {
        var client = fixture.Client;
        var card = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/model-card");
        var p = card.GetProperty("preprocessing");
        Assert.Equal(("bit-depth", "bilinear", false, false, true), (p.GetProperty("scale").GetString(), p.GetProperty("resize").GetString(),
            p.GetProperty("alignCorners").GetBoolean(), p.GetProperty("antialias").GetBoolean(), p.GetProperty("channelReplication").GetBoolean()));
        var (mean, std) = (p.GetProperty("mean").GetDouble(), p.GetProperty("std").GetDouble());
        var depths = p.GetProperty("bitDepths").EnumerateArray().Select(d => d.GetInt32()).ToList();
        var size = card.GetProperty("inputSize").GetInt32();
        var channels = card.GetProperty("channels").GetInt32();
        var classes = card.GetProperty("classes").GetArrayLength();
        Assert.Equal(32, size);

        // The model as an outsider builds it: the card's shape, the torchvision-named safetensors file.
        var spec = new ModelSpec(ArchitectureNames.Parse(card.GetProperty("architecture").GetString()!), channels, classes, size,
            card.GetProperty("head").GetString() == "gap" ? HeadKind.GlobalAveragePool : HeadKind.Flatten);
        using var scope = NewDisposeScope();
        using var model = ModelFactory.Create(spec);
        var weights = await client.GetByteArrayAsync($"/api/runs/{fixture.RunId}/weights.safetensors?naming=torchvision");
        var report = StateDictExchange.Import(model, new MemoryStream(weights), WeightFormat.Safetensors, StateDictNaming.Torchvision);
        Assert.True(report.IsExactMatch, report.Describe());

        // The test slices in the order training predicted them (dataset index), each preprocessed from its stored PNG
        // exactly as the card says, written out here rather than through SlicePreprocessor.
        var slices = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{fixture.DatasetId}/slices?split=test&take=500");
        var testIds = slices.EnumerateArray().OrderBy(s => s.GetProperty("index").GetInt32()).Select(s => s.GetProperty("id").GetInt32()).ToList();
        var inputs = new List<float[]>();
        foreach (var id in testIds)
        {
            var image = Png16Codec.Decode(await client.GetByteArrayAsync($"/api/slices/{id}/image.png"));
            Assert.Contains(image.BitDepth, depths);
            var maximum = Math.Pow(2, image.BitDepth) - 1;
            var scaled = image.Pixels.Select(v => (float)(v / maximum)).ToArray();
            var resized = ImageResampler.ResizeBilinear(scaled, image.Width, image.Height, size, size);
            var input = new float[channels * size * size];
            for (var c = 0; c < channels; c++)
            {
                for (var i = 0; i < resized.Length; i++)
                {
                    input[c * resized.Length + i] = (float)((resized[i] - mean) / std);
                }
            }
            inputs.Add(input);
        }
        // The run's batch size: libtorch's kernels are not guaranteed to give a sample the same bits in another batch.
        var batch = card.GetProperty("training").GetProperty("batchSize").GetInt32();
        var probabilities = Predictor.Predict(model, new InMemorySampleSource(inputs, new int[inputs.Count]), batch, CPU);

        var stored = (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/predictions")).EnumerateArray()
            .ToDictionary(e => e.GetProperty("sliceId").GetInt32(), e => e.GetProperty("probabilities").EnumerateArray().Select(v => v.GetSingle()).ToArray());
        Assert.Equal(testIds.Order(), stored.Keys.Order());
        for (var i = 0; i < testIds.Count; i++)
        {
            Assert.True(stored[testIds[i]].SequenceEqual(probabilities[i]),
                $"slice {testIds[i]}: stored [{string.Join(", ", stored[testIds[i]].Select(v => v.ToString("R")))}], card [{string.Join(", ", probabilities[i].Select(v => v.ToString("R")))}]");
        }
    }

    [Fact]
    public async Task Card_HasTheContractsFields_ClassesInOutputOrder_AndTheSafetensorsHeaderRepeatsIt()
    {
        var client = fixture.Client;
        using var response = await client.GetAsync($"/api/runs/{fixture.RunId}/model-card");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var card = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TopLevel, card.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("densenet121", 1, "gap"), (card.GetProperty("architecture").GetString(), card.GetProperty("channels").GetInt32(), card.GetProperty("head").GetString()));

        var dataset = await client.GetFromJsonAsync<JsonElement>($"/api/datasets/{fixture.DatasetId}");
        var classes = card.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(dataset.GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()), classes);
        // Output i is classes[i]: every stored prediction names the class of its largest probability.
        var predictions = (await client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/predictions")).EnumerateArray().ToList();
        Assert.All(predictions, prediction =>
        {
            var probabilities = prediction.GetProperty("probabilities").EnumerateArray().Select(v => v.GetSingle()).ToList();
            Assert.Equal(prediction.GetProperty("predicted").GetString(), classes[probabilities.IndexOf(probabilities.Max())]);
        });

        var cardDataset = card.GetProperty("dataset");
        Assert.Equal((fixture.DatasetId, dataset.GetProperty("name").GetString(), dataset.GetProperty("versionHash").GetString()),
            (cardDataset.GetProperty("id").GetInt32(), cardDataset.GetProperty("name").GetString(), cardDataset.GetProperty("versionHash").GetString()));
        var p = card.GetProperty("preprocessing");
        Assert.Equal((16, 1), (p.GetProperty("bitDepth").GetInt32(), p.GetProperty("bitDepths").GetArrayLength()));
        await using (var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync())
        {
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == fixture.RunId);
            Assert.Equal((run.NormalizationMean, run.NormalizationStd), (p.GetProperty("mean").GetDouble(), p.GetProperty("std").GetDouble()));
        }

        var runResponse = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}");
        var metrics = card.GetProperty("metrics");
        Assert.Equal(JsonValueKind.Array, metrics.GetProperty("external").ValueKind);
        Assert.Equal(0, metrics.GetProperty("external").GetArrayLength());
        var test = metrics.GetProperty("test");
        Assert.Equal(predictions.Count, test.GetProperty("samples").GetInt32());
        Assert.Equal(runResponse.GetProperty("metrics").GetProperty("accuracy").GetDouble(), test.GetProperty("accuracy").GetDouble());
        Assert.Equal(runResponse.GetProperty("macroF1").GetDouble(), test.GetProperty("macroF1").GetDouble());
        Assert.Equal(classes, test.GetProperty("perClass").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var training = card.GetProperty("training");
        Assert.Equal(predictions.Count, training.GetProperty("slices").GetProperty("test").GetInt32());
        Assert.Equal(("densenet121", 32, 1), (training.GetProperty("config").GetProperty("architecture").GetString(),
            training.GetProperty("config").GetProperty("imageSize").GetInt32(), training.GetProperty("completedEpochs").GetInt32()));
        Assert.Equal(runResponse.GetProperty("environment").GetProperty("gitCommit").GetString(),
            card.GetProperty("environment").GetProperty("gitCommit").GetString());

        // The safetensors header carries the card's preprocessing, classes and shape (read by the format's definition).
        var file = await client.GetByteArrayAsync($"/api/runs/{fixture.RunId}/weights.safetensors?naming=torchvision");
        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(file);
        using var header = JsonDocument.Parse(file.AsMemory(8, length));
        var metadata = header.RootElement.GetProperty("__metadata__");
        Assert.True(JsonElement.DeepEquals(p, JsonDocument.Parse(metadata.GetProperty("xailab.preprocessing").GetString()!).RootElement),
            metadata.GetProperty("xailab.preprocessing").GetString());
        Assert.Equal(classes, JsonSerializer.Deserialize<string[]>(metadata.GetProperty("xailab.classes").GetString()!));
        Assert.Equal(("densenet121", "32", "1", "gap"), (metadata.GetProperty("xailab.architecture").GetString(),
            metadata.GetProperty("xailab.inputSize").GetString(), metadata.GetProperty("xailab.channels").GetString(), metadata.GetProperty("xailab.head").GetString()));
        Assert.True(JsonElement.DeepEquals(cardDataset, JsonDocument.Parse(metadata.GetProperty("xailab.dataset").GetString()!).RootElement));
        // The .pt stays a plain state dict: XaiLab's own loader reads it as one.
        var pt = await client.GetByteArrayAsync($"/api/runs/{fixture.RunId}/weights.pt?naming=torchvision");
        using var scope = NewDisposeScope();
        using var model = ModelFactory.Create(new ModelSpec(Architecture.DenseNet121, 1, classes.Count, 32));
        Assert.True(StateDictExchange.Import(model, new MemoryStream(pt), WeightFormat.PyTorch, StateDictNaming.Torchvision).IsExactMatch);
    }

    [Fact]
    public async Task Markdown_HasEveryMitchellSectionInOrder_AndTheExactPreprocessing()
    {
        using var response = await fixture.Client.GetAsync($"/api/runs/{fixture.RunId}/model-card.md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        var markdown = await response.Content.ReadAsStringAsync();
        var positions = Sections.Select(section => markdown.IndexOf($"\n## {section}\n", StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(Sections), pair => Assert.True(pair.First > 0, $"no section '{pair.Second}'"));
        Assert.Equal(positions.Order(), positions);

        var card = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/model-card");
        var classes = card.GetProperty("classes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains(string.Concat(classes.Select((name, i) => $"  {i}. {name}\n")), markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var p = card.GetProperty("preprocessing");
        Assert.Contains($"(x − {p.GetProperty("mean").GetDouble():R}) / {p.GetProperty("std").GetDouble():R}", markdown, StringComparison.Ordinal);
        Assert.Contains("bilinear to 32 × 32", markdown, StringComparison.Ordinal);
        Assert.Contains($"accuracy {card.GetProperty("metrics").GetProperty("test").GetProperty("accuracy").GetDouble().ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTeamsRun_IsNotFound_AndARunWithoutCheckpoint_IsAConflict()
    {
        var otherTeam = await fixture.Factory.CreateTeamAsync($"card-other-{Guid.NewGuid():N}");
        using var outsider = await fixture.Factory.CreateUserClientAsync(XaiLabRoles.Researcher, otherTeam);
        foreach (var route in new[] { "model-card", "model-card.md" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/runs/{fixture.RunId}/{route}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync($"/api/runs/99999/{route}")).StatusCode);
        }

        int queued;
        await using (var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>().CreateDbContextAsync())
        {
            // A row only (never enqueued): a run that has not trained an epoch.
            var run = new TrainingRun
            {
                TeamId = Team.DefaultTeamId, DatasetId = fixture.DatasetId, Architecture = "smallcnn", Device = "cpu",
                Status = RunStatus.Queued, Epochs = 1, ImageSize = 32, BatchSize = 8, LearningRate = 1e-3, Seed = 1,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            queued = run.Id;
        }
        foreach (var route in new[] { "model-card", "model-card.md" })
        {
            using var response = await fixture.Client.GetAsync($"/api/runs/{queued}/{route}");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no checkpoint", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
