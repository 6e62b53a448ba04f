using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Artifacts;
using XaiLab.Data.Entities;
using XaiLab.Engine.Imaging;

namespace XaiLab.Tests.Web.Apis.Studies;

/// <summary>
/// Stored attribution maps without training: a masked 32 px dataset, two succeeded runs of distinctive architectures and
/// maps of distinctive methods, written to the host's database and artifact store exactly as the attribution job stores
/// them (float32 values, an overlay PNG, scores). The names are what blinding tests look for.
/// </summary>
public static class StudyMaps
{
    public static readonly string[] Architectures = ["densenet121", "inceptionresnetv2"];
    public static readonly string[] Methods = ["grad-cam", "integrated-gradients"];
    private const int Size = 32;

    /// <summary>Seeds <paramref name="slices"/> slices x 2 runs x 2 methods; returns the map ids slice-major, then run, then method.</summary>
    public static async Task<IReadOnlyList<SeededMap>> SeedAsync(IServiceProvider services, int slices)
    {
        var store = services.GetRequiredService<ArtifactStore>();
        var contexts = services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var dataset = new Dataset
        {
            TeamId = Team.DefaultTeamId, Name = "masked phantoms", Status = DatasetStatus.Ready, ClassNames = ["none", "tumour"],
            SliceCount = slices, WithMasks = true, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        var sliceRows = new List<Slice>();
        for (var s = 0; s < slices; s++)
        {
            var image = new SliceImage(Size, Size, [.. Enumerable.Range(0, Size * Size).Select(i => (ushort)((i * 37 + s * 911) % 65536))]);
            var mask = new BinaryMask(Size, Size, [.. Enumerable.Range(0, Size * Size).Select(i => i % Size is >= 8 and < 20 && i / Size is >= 10 and < 22)]);
            var folder = $"datasets/{dataset.Id}/slices";
            await store.WriteAsync($"{folder}/{s}.png", Png16Codec.Encode(image));
            await store.WriteAsync($"{folder}/{s}-mask.png", Png16Codec.EncodeMask(mask));
            var slice = new Slice
            {
                DatasetId = dataset.Id, Index = s, PatientId = $"p{s}", Label = 1, Split = SplitPart.Test, Width = Size, Height = Size,
                BitDepth = 16, ImagePath = $"{folder}/{s}.png", MaskPath = $"{folder}/{s}-mask.png", ContentHash = $"hash-{dataset.Id}-{s}",
            };
            db.Slices.Add(slice);
            sliceRows.Add(slice);
        }
        var runs = Architectures.Select((architecture, i) => new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = dataset.Id, Architecture = architecture, Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 1, CompletedEpochs = 1, ImageSize = Size, BatchSize = 4, LearningRate = 1e-3, Seed = i + 1, Progress = 1,
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Runs.AddRange(runs);
        await db.SaveChangesAsync();

        var maps = new List<(StoredAttribution Row, Slice Slice)>();
        var random = new Random(5);
        foreach (var slice in sliceRows)
        {
            foreach (var run in runs)
            {
                for (var m = 0; m < Methods.Length; m++)
                {
                    var values = new float[8 * 8];
                    for (var i = 0; i < values.Length; i++) values[i] = (float)random.NextDouble();
                    values[3 * 8 + 3] = 4;
                    var key = $"{run.Id}-{Methods[m]}-{slice.Id}";
                    var bytes = new byte[values.Length * sizeof(float)];
                    Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
                    await store.WriteAsync($"attributions/{key}.f32", bytes);
                    await store.WriteAsync($"attributions/{key}.png", SliceRenderer.RenderPng(Png16Codec.Decode(await store.ReadAsync(slice.ImagePath))));
                    var score = random.NextDouble();
                    var row = new StoredAttribution
                    {
                        RunId = run.Id, SliceId = slice.Id, Method = Methods[m], ParametersHash = new string('0', 64), Parameters = string.Empty,
                        CacheKey = key.PadRight(64, 'x'), Target = 1, Channels = 1, Height = 8, Width = 8,
                        OverlayPath = $"attributions/{key}.png", ValuesPath = $"attributions/{key}.f32", ClipValue = 4,
                        MaskFraction = 0.14, PointingGame = score > 0.5, RelevanceMass = score, RelevanceRank = score * 0.9, IouTop5 = score,
                        IouTop10 = score, IouTop20 = score, IouTop30 = score, DiceTop5 = score, DiceTop10 = score, DiceTop20 = score,
                        DiceTop30 = score, Auc = score, DeletionAuc = 1 - score, InsertionAuc = score, CreatedAt = DateTimeOffset.UtcNow,
                    };
                    db.StoredAttributions.Add(row);
                    maps.Add((row, slice));
                }
            }
        }
        await db.SaveChangesAsync();
        return maps.Select(m => new SeededMap(m.Row.Id, m.Row.RunId, m.Row.Method, m.Slice.Id, m.Row.RelevanceMass!.Value)).ToList();
    }
}
