using XaiLab.Engine.Imaging;
using XaiLab.Engine.Runtime;

namespace XaiLab.Engine.Datasets.Phantoms;

/// <summary>
/// Synthetic T1-like brain slices with three tumour classes and exact masks, for tests, demos and CPU-only runs.
/// Patients have <see cref="PhantomOptions.SlicesPerPatient"/> slices that share anatomy and tumour (with small shifts,
/// scale changes and tumour cross-sections between slices); patient <c>p</c> has class <c>p mod 3</c>, so classes are as
/// balanced as the patient count allows. The anatomy of patient <c>p</c> comes from a random stream that does not depend
/// on the class, so only the tumour tells the classes apart. Every random choice comes from seeded
/// <see cref="System.Random"/> streams (stable across .NET versions): the same options give the same pixels on every run.
/// Values are rounded from double arithmetic (sin, exp, log), so another platform's maths library could only differ where
/// a value falls on a rounding boundary.
/// </summary>
public static class PhantomGenerator
{
    /// <summary>The class names, indexed by label: meningioma (0), glioma (1), pituitary (2), as in figshare 1512427.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["meningioma", "glioma", "pituitary"];

    /// <summary>Generates the slices lazily, patient by patient. Options are validated before the first slice.</summary>
    public static IEnumerable<PhantomSlice> Generate(PhantomOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Enumerate(options);
    }

    private static IEnumerable<PhantomSlice> Enumerate(PhantomOptions options)
    {
        var patients = (options.Slices + options.SlicesPerPatient - 1) / options.SlicesPerPatient;
        var index = 0;
        for (var patient = 0; patient < patients; patient++)
        {
            var label = patient % ClassNames.Count;
            var anatomy = new PhantomAnatomy(new Random(SeedDerivation.Derive(options.Seed, patient, 0)));
            var tumour = new PhantomTumour(label, anatomy, new Random(SeedDerivation.Derive(options.Seed, patient, 1)));
            var patientId = $"P{patient + 1:D3}";
            var count = Math.Min(options.SlicesPerPatient, options.Slices - index);
            for (var slice = 0; slice < count; slice++)
            {
                var random = new Random(SeedDerivation.Derive(options.Seed, patient, 2 + slice));
                var (image, mask) = Render(options.Size, anatomy, tumour, random);
                yield return new PhantomSlice(index, patientId, label, ClassNames[label], image, mask);
                index++;
            }
        }
    }

    private static (SliceImage Image, BinaryMask Mask) Render(int size, PhantomAnatomy anatomy, PhantomTumour tumour, Random random)
    {
        var shiftX = PhantomAnatomy.Uniform(random, -0.015, 0.015);
        var shiftY = PhantomAnatomy.Uniform(random, -0.015, 0.015);
        var scale = PhantomAnatomy.Uniform(random, 0.97, 1.03);
        var tumourScale = PhantomAnatomy.Uniform(random, 0.85, 1.0);
        var texturePhase = PhantomAnatomy.Uniform(random, -0.3, 0.3);
        var pixels = new ushort[size * size];
        var mask = new bool[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var dx = ((x + 0.5) / size - anatomy.CentreX - shiftX) / scale;
                var dy = ((y + 0.5) / size - anatomy.CentreY - shiftY) / scale;
                var value = anatomy.Tissue(dx, dy, texturePhase);
                var sigma = value > 0 ? anatomy.NoiseSigma : 8;
                if (anatomy.EllipticRadius(dx, dy) <= 1 &&
                    tumour.Contains(dx, dy, tumourScale, out var tumourValue, out var tumourSigma))
                {
                    value = tumourValue;
                    sigma = tumourSigma;
                    mask[y * size + x] = true;
                }
                value += sigma * PhantomAnatomy.Gaussian(random);
                pixels[y * size + x] = (ushort)Math.Clamp(Math.Round(value), 0, PhantomAnatomy.MaximumValue);
            }
        }
        return (new SliceImage(size, size, pixels, 16), new BinaryMask(size, size, mask));
    }
}
