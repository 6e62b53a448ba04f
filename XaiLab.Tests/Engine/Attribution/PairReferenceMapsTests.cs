using System.IO.Compression;
using System.Text;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Tests.Fixtures;
using static TorchSharp.torch;

namespace XaiLab.Tests.Engine.Attribution;

/// <summary>
/// The paper's methods against PAIR saliency itself: References/pair-maps.bin.gz holds PAIR's maps (made by
/// scripts/pair-reference/pair_maps_reference.py with Debian's torch 1.13 and a PAIR checkout) of four phantom inputs on
/// the network in References/smallcnn-32.pth (XaiLab's SmallCnn layout and names), with the noise SmoothGrad drew. Here
/// the same weights are loaded into XaiLab's SmallCnn and every map recomputed. The error is the largest absolute
/// difference relative to the largest |value| of PAIR's map.
/// </summary>
[Collection(TorchCollection.Name)]
public class PairReferenceMapsTests
{
    // Measured (2026-12-02, Zen 5, libtorch 2.10 vs PAIR on torch 1.13): vanilla 3e-7, IG 1.7e-7, SmoothGrad 4e-7,
    // XRAI 2.2e-4 (its ranking sums IG over segments), Guided IG 4e-8 and 6e-8 on inputs 0 and 1.
    public static TheoryData<string, double> Methods() => new()
    {
        { "vanilla-gradient", 1e-5 },
        { "integrated-gradients", 1e-5 },
        { "smooth-vanilla-gradient", 1e-5 },
        { "xrai", 1e-3 },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Map_EqualsPairs(string method, double tolerance) => AssertEqualsPairs(method, tolerance, ReadReferences());

    /// <summary>
    /// Guided IG follows PAIR's path exactly on inputs 0 and 1. On inputs 2 and 3 it drifts by 0.1 of the map's range
    /// (issue 19, open): the path picks the 25 % of features with the smallest |gradient| at every step, so gradients
    /// that differ by 3e-7 between libtorch builds can pick another feature near the threshold and the paths part. PAIR
    /// itself moves by 0.096 on input 3 when the same network runs in float64 instead of float32.
    /// </summary>
    [Fact]
    public void GuidedIg_EqualsPairsOnInputsWithoutNearTies() => AssertEqualsPairs("guided-ig", 1e-6, ReadReferences().Take(2));

    private static void AssertEqualsPairs(string method, double tolerance, IEnumerable<Reference> inputs)
    {
        using var model = LoadModel();
        var probe = new ClassifierProbe(model, ExplainedOutput.Probability, CPU);
        var errors = new List<double>();
        foreach (var input in inputs)
        {
            using var x = tensor(input.Image, [1L, input.Height, input.Width]);
            var attribution = method switch
            {
                "smooth-vanilla-gradient" => new SmoothGrad(new VanillaGradient()) { Samples = input.Noise.Count, Noise = input.Noise },
                "integrated-gradients" => AttributionMethods.Create(method, new AttributionOptions(Steps: 25)),
                _ => AttributionMethods.Create(method),
            };
            var ours = attribution.Explain(probe, x, input.Target).Values;
            var pair = input.Maps[method];
            var scale = pair.Max(v => Math.Abs(v));
            errors.Add(pair.Zip(ours).Max(p => Math.Abs(p.First - p.Second)) / scale);
        }
        Assert.True(errors.Max() <= tolerance,
            $"{method}: relative errors {string.Join(", ", errors.Select(e => e.ToString("g3", System.Globalization.CultureInfo.InvariantCulture)))} (tolerance {tolerance})");
    }

    [Fact]
    public void DisplayValues_EqualPairsVisualizeImageGrayscale()
    {
        foreach (var input in ReadReferences())
        {
            foreach (var (name, values) in input.Maps)
            {
                var ours = XaiLab.Engine.Attribution.Rendering.SaliencyRenderer.DisplayValues(new AttributionMap(values, 1, input.Height, input.Width));
                var pair = input.Displays[name];
                var worst = pair.Zip(ours).Max(p => Math.Abs(p.First - p.Second));
                Assert.True(worst <= 1e-6, $"{name}: display values differ from PAIR's by up to {worst}");
            }
        }
    }

    /// <summary>
    /// PAIR's VisualizeImageDiverging gives v = clip((s + span) / (2 span), -1, 1) with span = |99th percentile of the
    /// signed map|; XaiLab's signed display is the same numbers on the colormap's -1..1 axis: clamp(2 v - 1, -1, 1).
    /// </summary>
    [Fact]
    public void SignedDisplayValues_EqualPairsVisualizeImageDiverging()
    {
        foreach (var input in ReadReferences())
        {
            foreach (var (name, values) in input.Maps)
            {
                var ours = XaiLab.Engine.Attribution.Rendering.SaliencyRenderer.SignedDisplayValues(new AttributionMap(values, 1, input.Height, input.Width));
                var pair = input.Diverging[name].Select(v => Math.Clamp(2 * v - 1, -1, 1)).ToArray();
                var worst = pair.Zip(ours).Max(p => Math.Abs(p.First - p.Second));
                Assert.True(worst <= 1e-6, $"{name}: signed display values differ from PAIR's diverging ones by up to {worst}");
            }
        }
    }

    [Fact]
    public void Network_PredictsWhatPairExplained()
    {
        using var model = LoadModel();
        foreach (var input in ReadReferences())
        {
            using var x = tensor(input.Image, [1L, 1, input.Height, input.Width]);
            using var logits = model.forward(x);
            Assert.Equal(input.Target, logits.argmax(1).item<long>());
        }
    }

    private static ClassifierModel LoadModel()
    {
        var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, 1, 3, 32));
        StateDictExchange.Import(model, Path.Combine(ReferenceDirectory, "smallcnn-32.pth"));
        model.eval();
        return model;
    }

    private static string ReferenceDirectory => Path.Combine(AppContext.BaseDirectory, "Engine", "Attribution", "References");

    private sealed record Reference(int Height, int Width, int Target, float[] Image, IReadOnlyList<float[]> Noise,
        Dictionary<string, float[]> Maps, Dictionary<string, double[]> Displays, Dictionary<string, double[]> Diverging);

    private static List<Reference>? cache;

    private static List<Reference> ReadReferences()
    {
        if (cache is not null) return cache;
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(ReferenceDirectory, "pair-maps.bin.gz")), CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        Assert.Equal("XLPM1", Encoding.ASCII.GetString(reader.ReadBytes(5)));
        var count = reader.ReadInt32();
        var result = new List<Reference>(count);
        for (var i = 0; i < count; i++)
        {
            int h = reader.ReadInt32(), w = reader.ReadInt32(), c = reader.ReadInt32(), target = reader.ReadInt32();
            Assert.Equal(1, c);
            var image = Floats(reader, h * w);
            var noise = Enumerable.Range(0, reader.ReadInt32()).Select(_ => Floats(reader, h * w)).ToList();
            var maps = new Dictionary<string, float[]>();
            var displays = new Dictionary<string, double[]>();
            var diverging = new Dictionary<string, double[]>();
            var mapCount = reader.ReadInt32();
            for (var m = 0; m < mapCount; m++)
            {
                var name = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadInt32()));
                maps[name] = Floats(reader, h * w);
                displays[name] = Enumerable.Range(0, h * w).Select(_ => reader.ReadDouble()).ToArray();
                diverging[name] = Enumerable.Range(0, h * w).Select(_ => reader.ReadDouble()).ToArray();
            }
            result.Add(new Reference(h, w, target, image, noise, maps, displays, diverging));
        }
        return cache = result;
    }

    private static float[] Floats(BinaryReader reader, int count) => Enumerable.Range(0, count).Select(_ => reader.ReadSingle()).ToArray();
}
