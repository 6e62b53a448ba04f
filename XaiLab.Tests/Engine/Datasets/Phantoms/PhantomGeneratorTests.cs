using XaiLab.Engine.Datasets.Phantoms;

namespace XaiLab.Tests.Engine.Datasets.Phantoms;

public class PhantomGeneratorTests
{
    private const int SkullThreshold = 2100;

    [Fact]
    public void Generate_SameSeedGivesSameBytes()
    {
        var first = PhantomGenerator.Generate(new PhantomOptions(Slices: 9, Size: 64, Seed: 5, SlicesPerPatient: 3)).ToList();
        var second = PhantomGenerator.Generate(new PhantomOptions(Slices: 9, Size: 64, Seed: 5, SlicesPerPatient: 3)).ToList();

        Assert.Equal(9, first.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Image.Pixels, second[i].Image.Pixels);
            Assert.Equal(first[i].Mask.Values, second[i].Mask.Values);
            Assert.Equal((first[i].PatientId, first[i].Label), (second[i].PatientId, second[i].Label));
        }
    }

    [Fact]
    public void Generate_DifferentSeedGivesDifferentPixels()
    {
        var first = PhantomGenerator.Generate(new PhantomOptions(Slices: 3, Size: 64, Seed: 1, SlicesPerPatient: 1)).First();
        var second = PhantomGenerator.Generate(new PhantomOptions(Slices: 3, Size: 64, Seed: 2, SlicesPerPatient: 1)).First();

        Assert.NotEqual(first.Image.Pixels, second.Image.Pixels);
    }

    [Fact]
    public void Generate_SlicesOfOnePatientDiffer()
    {
        var slices = PhantomGenerator.Generate(new PhantomOptions(Slices: 6, Size: 64, SlicesPerPatient: 2)).ToList();

        Assert.Equal(slices[0].PatientId, slices[1].PatientId);
        Assert.NotEqual(slices[0].Image.Pixels, slices[1].Image.Pixels);
    }

    [Theory]
    [InlineData(300, 63, 6, "Size")]
    [InlineData(300, 513, 6, "Size")]
    [InlineData(2, 128, 1, "Slices")]
    [InlineData(300, 128, 0, "SlicesPerPatient")]
    [InlineData(12, 128, 5, "SlicesPerPatient")]
    public void Generate_RejectsInvalidOptions(int slices, int size, int perPatient, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => PhantomGenerator.Generate(new PhantomOptions(slices, size, 1, perPatient)));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Generate_OneClassPerPatientAndBalancedClasses()
    {
        var slices = PhantomGenerator.Generate(new PhantomOptions(Slices: 60, Size: 64, SlicesPerPatient: 4)).ToList();

        Assert.Equal(60, slices.Count);
        Assert.Equal(Enumerable.Range(0, 60), slices.Select(s => s.Index));
        Assert.All(slices.GroupBy(s => s.PatientId), patient => Assert.Single(patient.Select(s => s.Label).Distinct()));
        Assert.All(slices, s => Assert.Equal(PhantomGenerator.ClassNames[s.Label], s.ClassName));
        var perClass = slices.GroupBy(s => s.Label).Select(g => g.Count()).ToList();
        Assert.Equal(3, perClass.Count);
        Assert.True(perClass.Max() - perClass.Min() <= 4);
    }

    [Fact]
    public void Generate_Writes16BitMriRange()
    {
        var slice = PhantomGenerator.Generate(new PhantomOptions(Slices: 3, Size: 64, SlicesPerPatient: 1)).First();

        Assert.Equal(16, slice.Image.BitDepth);
        Assert.Equal(64 * 64, slice.Image.Pixels.Length);
        Assert.True(slice.Image.Pixels.Max() <= 4095);
        Assert.True(slice.Image.Pixels.Max() > 2000);
    }

    [Fact]
    public void Masks_AreNonEmptyAndInsideTheHead()
    {
        foreach (var slice in PhantomGenerator.Generate(new PhantomOptions(Slices: 30, Size: 64, SlicesPerPatient: 2)))
        {
            Assert.True(slice.Mask.Area > 0, $"slice {slice.Index} has an empty mask");
            var outside = OutsideHead(slice.Image.Pixels, 64);
            for (var i = 0; i < slice.Mask.Values.Length; i++)
            {
                if (!slice.Mask.Values[i])
                {
                    continue;
                }
                var (x, y) = (i % 64, i / 64);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        Assert.False(outside[(y + dy) * 64 + x + dx], $"slice {slice.Index}: tumour at ({x},{y}) reaches outside the head");
                    }
                }
            }
        }
    }

    [Fact]
    public void Tumours_SitWhereTheirClassPromises()
    {
        const int size = 128;
        var slices = PhantomGenerator.Generate(new PhantomOptions(Slices: 36, Size: size, SlicesPerPatient: 2)).ToList();
        var centre = size / 2.0;
        foreach (var slice in slices)
        {
            var (cx, cy) = Centroid(slice.Mask.Values, size);
            var touchesSkull = TouchesSkull(slice, size);
            switch (slice.ClassName)
            {
                case "meningioma":
                    Assert.True(touchesSkull, $"meningioma {slice.Index} does not touch the skull");
                    Assert.True(Math.Sqrt((cx - centre) * (cx - centre) + (cy - centre) * (cy - centre)) > 0.2 * size);
                    Assert.False(cy > centre + 0.2 * size && Math.Abs(cx - centre) < 0.1 * size, "meningioma at the base");
                    break;
                case "glioma":
                    Assert.True(Math.Abs(cx - centre) > 0.08 * size, $"glioma {slice.Index} is not in a hemisphere");
                    Assert.True(MaskMin(slice) < 1000, $"glioma {slice.Index} has no dark necrotic core");
                    break;
                case "pituitary":
                    Assert.True(cy > centre + 0.2 * size, $"pituitary {slice.Index} is not near the base");
                    Assert.True(Math.Abs(cx - centre) < 0.06 * size, $"pituitary {slice.Index} is off the midline");
                    break;
            }
        }
        double MeanArea(string name) => slices.Where(s => s.ClassName == name).Average(s => s.Mask.Area);
        Assert.True(MeanArea("glioma") > MeanArea("meningioma"));
        Assert.True(MeanArea("meningioma") > MeanArea("pituitary"));
        double MeanStd(string name) => slices.Where(s => s.ClassName == name).Average(MaskStd);
        Assert.True(MeanStd("glioma") > 3 * MeanStd("meningioma"), "glioma should be heterogeneous, meningioma homogeneous");
    }

    [Fact]
    public void Background_DoesNotDependOnTheClass()
    {
        // Patients 0, 1 and 2 have different classes; outside the tumour the brain statistics must overlap.
        var slices = PhantomGenerator.Generate(new PhantomOptions(Slices: 300, Size: 64, SlicesPerPatient: 6)).ToList();
        var brainMeans = slices.GroupBy(s => s.Label).Select(g => g.Average(BrainMean)).ToList();

        Assert.True(brainMeans.Max() - brainMeans.Min() < 60, string.Join(", ", brainMeans));
    }

    private static double BrainMean(PhantomSlice slice)
    {
        var values = slice.Image.Pixels.Where((p, i) => !slice.Mask.Values[i] && p is > 600 and < 2000).ToList();
        return values.Average(p => (double)p);
    }

    private static (double X, double Y) Centroid(bool[] mask, int size)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                sx += i % size + 0.5;
                sy += i / size + 0.5;
                n++;
            }
        }
        return (sx / n, sy / n);
    }

    private static bool TouchesSkull(PhantomSlice slice, int size)
    {
        for (var i = 0; i < slice.Mask.Values.Length; i++)
        {
            if (!slice.Mask.Values[i])
            {
                continue;
            }
            foreach (var j in new[] { i - 1, i + 1, i - size, i + size })
            {
                if (!slice.Mask.Values[j] && slice.Image.Pixels[j] >= SkullThreshold)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static int MaskMin(PhantomSlice slice) =>
        slice.Image.Pixels.Where((_, i) => slice.Mask.Values[i]).Min(p => (int)p);

    private static double MaskStd(PhantomSlice slice)
    {
        var values = slice.Image.Pixels.Where((_, i) => slice.Mask.Values[i]).Select(p => (double)p).ToList();
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    /// <summary>Background pixels connected to the border (flood fill over dark pixels).</summary>
    private static bool[] OutsideHead(ushort[] pixels, int size)
    {
        var outside = new bool[pixels.Length];
        var stack = new Stack<int>();
        for (var k = 0; k < size; k++)
        {
            foreach (var i in new[] { k, (size - 1) * size + k, k * size, k * size + size - 1 })
            {
                if (!outside[i] && pixels[i] < 200)
                {
                    outside[i] = true;
                    stack.Push(i);
                }
            }
        }
        while (stack.Count > 0)
        {
            var i = stack.Pop();
            var (x, y) = (i % size, i / size);
            foreach (var (nx, ny) in new[] { (x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1) })
            {
                var j = ny * size + nx;
                if (nx >= 0 && ny >= 0 && nx < size && ny < size && !outside[j] && pixels[j] < 200)
                {
                    outside[j] = true;
                    stack.Push(j);
                }
            }
        }
        return outside;
    }
}
