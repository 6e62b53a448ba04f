using System.Diagnostics;
using PureHDF;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Attribution.Rendering;
using XaiLab.Engine.Datasets;
using XaiLab.Engine.Imaging;

namespace XaiLab.Benchmarks;

/// <summary>
/// Import speed on a figshare-shaped set written here (3,064 MATLAB v7.3 files of 512 x 512 int16 slices with mask and
/// border, as the real set; 24 in smoke mode), and the compare page's cached path: 9 models x 10 methods x 3 slices =
/// 270 overlays, each read from disk (16-bit PNG slice, raw float map) and drawn to PNG, as the page's image requests do.
/// The database lookups of the page (a handful of indexed queries) are not in this number.
/// </summary>
internal static class ImportTimings
{
    public static IEnumerable<Measurement> Import(BenchmarkOptions options)
    {
        var count = options.Smoke ? 24 : 3064;
        var side = options.Smoke ? 64 : 512;
        var folder = Directory.CreateTempSubdirectory("xailab-bench-figshare-");
        try
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(5);
            for (var i = 0; i < count; i++)
            {
                File.WriteAllBytes(Path.Combine(folder.FullName, $"{i + 1}.mat"), MatFile(side, 1 + i % 3, random));
            }
            var written = clock.Elapsed.TotalSeconds;
            var bytes = folder.EnumerateFiles().Sum(f => f.Length);
            Console.Error.WriteLine($"wrote {count} .mat files ({bytes / 1e6:F0} MB) in {written:F1} s");

            var load = Timing.LoadAverage();
            var slices = 0;
            var (seconds, cpu) = Timing.Median(() => slices = DatasetImporter.Read(folder.FullName).Count(), 1, warmUp: false);
            if (slices != count) throw new InvalidOperationException($"Imported {slices} of {count} slices.");
            yield return new Measurement("import", $"figshare .mat read+decode ({count} slices {side}x{side})", "-", side, count / seconds, "slices/s", load, cpu);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static IEnumerable<Measurement> Compare(BenchmarkOptions options)
    {
        var (models, methods, slices) = (9, 10, 3);
        var side = options.Smoke ? 64 : 512;
        var mapSide = options.Smoke ? 32 : 224;
        var folder = Directory.CreateTempSubdirectory("xailab-bench-compare-");
        try
        {
            var random = new Random(6);
            for (var s = 0; s < slices; s++)
            {
                var pixels = Enumerable.Range(0, side * side).Select(_ => (ushort)random.Next(0, 4096)).ToArray();
                File.WriteAllBytes(Path.Combine(folder.FullName, $"slice{s}.png"), Png16Codec.Encode(new SliceImage(side, side, pixels)));
                for (var m = 0; m < models * methods; m++)
                {
                    var values = Enumerable.Range(0, mapSide * mapSide).Select(_ => (float)random.NextDouble()).ToArray();
                    var raw = new byte[values.Length * sizeof(float)];
                    Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
                    File.WriteAllBytes(Path.Combine(folder.FullName, $"map{s}-{m}.f32"), raw);
                }
            }
            var load = Timing.LoadAverage();
            var (seconds, cpu) = Timing.Median(() =>
            {
                for (var s = 0; s < slices; s++)
                {
                    for (var m = 0; m < models * methods; m++)
                    {
                        var image = Png16Codec.Decode(File.ReadAllBytes(Path.Combine(folder.FullName, $"slice{s}.png")));
                        var bytes = File.ReadAllBytes(Path.Combine(folder.FullName, $"map{s}-{m}.f32"));
                        var values = new float[bytes.Length / sizeof(float)];
                        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
                        SaliencyRenderer.RenderOverlayPng(image, new AttributionMap(values, 1, mapSide, mapSide), null, new SaliencyRenderOptions());
                    }
                }
            }, options.Repeats);
            yield return new Measurement("compare", $"compare page from cache: {models}x{methods}x{slices} overlays read+drawn", "-", side, seconds, "s", load, cpu);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A figshare-like MATLAB v7.3 file: cjdata with label, PID, image (int16), tumorMask, tumorBorder, stored transposed as MATLAB does.</summary>
    private static byte[] MatFile(int side, int label, Random random)
    {
        var image = new short[side, side];
        var mask = new byte[side, side];
        var (cx, cy, r) = (random.Next(side / 4, 3 * side / 4), random.Next(side / 4, 3 * side / 4), side / 10);
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
                image[x, y] = (short)(200 + 150 * Math.Sin(x * 0.03) * Math.Cos(y * 0.05) + (inside ? 400 : 0) + random.Next(30));
                mask[x, y] = (byte)(inside ? 1 : 0);
            }
        }
        var border = Enumerable.Range(0, 16).SelectMany(k => new double[]
        {
            cy + r * Math.Sin(k * Math.PI / 8), cx + r * Math.Cos(k * Math.PI / 8),
        }).ToArray();
        var file = new H5File
        {
            ["cjdata"] = new H5Group
            {
                ["label"] = new double[,] { { label } },
                ["PID"] = "100360".Select(c => (ushort)c).ToArray(),
                ["image"] = image,
                ["tumorMask"] = mask,
                ["tumorBorder"] = border,
            },
        };
        using var stream = new MemoryStream();
        file.Write(stream);
        return stream.ToArray();
    }
}
