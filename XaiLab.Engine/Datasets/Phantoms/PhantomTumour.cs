namespace XaiLab.Engine.Datasets.Phantoms;

/// <summary>
/// The class-dependent part of a synthetic patient: where the tumour sits, its outline and its texture.
/// Meningioma: round, bright and homogeneous, at the rim of the brain touching the inner skull (never at the base).
/// Glioma: large, irregular, inside one hemisphere, a heterogeneous enhancing ring around a dark necrotic core.
/// Pituitary: small, bright, slightly flat, near the base of the brain at the midline.
/// </summary>
internal sealed class PhantomTumour
{
    private readonly int label;
    private readonly double[] lobeAmplitude = new double[4];
    private readonly double[] lobePhase = new double[4];

    public PhantomTumour(int label, PhantomAnatomy anatomy, Random random)
    {
        this.label = label;
        var a = anatomy.SemiAxisX;
        var b = anatomy.SemiAxisY;
        switch (label)
        {
            case 0:
            {
                // Any angle on the rim except the lower 100 degrees, which belong to the pituitary region.
                var theta = PhantomAnatomy.Uniform(random, 0, 2 * Math.PI - Math.PI * 100 / 180) + Math.PI * 140 / 180;
                Radius = PhantomAnatomy.Uniform(random, 0.2, 0.26) * a;
                RadiusX = Radius;
                RadiusY = Radius;
                var rimX = a * Math.Cos(theta);
                var rimY = b * Math.Sin(theta);
                var rimDistance = Math.Sqrt(rimX * rimX + rimY * rimY);
                var inward = 1 - 0.7 * Radius / rimDistance;
                OffsetX = rimX * inward;
                OffsetY = rimY * inward;
                Intensity = PhantomAnatomy.Uniform(random, 3000, 3400);
                Sigma = 15;
                break;
            }
            case 1:
            {
                var side = random.Next(2) == 0 ? -1 : 1;
                OffsetX = side * PhantomAnatomy.Uniform(random, 0.38, 0.48) * a;
                OffsetY = PhantomAnatomy.Uniform(random, -0.35, 0.2) * b;
                Radius = PhantomAnatomy.Uniform(random, 0.3, 0.38) * a;
                RadiusX = Radius;
                RadiusY = Radius;
                for (var k = 0; k < lobeAmplitude.Length; k++)
                {
                    lobeAmplitude[k] = PhantomAnatomy.Uniform(random, 0.05, 0.12);
                    lobePhase[k] = PhantomAnatomy.Uniform(random, 0, 2 * Math.PI);
                }
                Intensity = PhantomAnatomy.Uniform(random, 2300, 2700);
                CoreIntensity = PhantomAnatomy.Uniform(random, 500, 750);
                Sigma = 130;
                break;
            }
            case 2:
                OffsetX = PhantomAnatomy.Uniform(random, -0.03, 0.03) * a;
                OffsetY = PhantomAnatomy.Uniform(random, 0.7, 0.76) * b;
                Radius = PhantomAnatomy.Uniform(random, 0.12, 0.15) * a;
                RadiusX = Radius * 1.3;
                RadiusY = Radius * 0.9;
                Intensity = PhantomAnatomy.Uniform(random, 2700, 3000);
                Sigma = 40;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(label), label, "Phantom classes are 0, 1 and 2.");
        }
    }

    private double OffsetX { get; }
    private double OffsetY { get; }
    private double Radius { get; }
    private double RadiusX { get; }
    private double RadiusY { get; }
    private double Intensity { get; }
    private double CoreIntensity { get; }
    private double Sigma { get; }

    /// <summary>
    /// Whether a point (relative to the brain centre) is tumour, and its value with <paramref name="noise"/> ~ N(0, 1).
    /// <paramref name="scale"/> is the per-slice size of the tumour cross-section.
    /// </summary>
    public bool Contains(double dx, double dy, double scale, out double noiseFreeValue, out double noiseSigma)
    {
        var tx = (dx - OffsetX) / scale;
        var ty = (dy - OffsetY) / scale;
        var normalised = Math.Sqrt(tx * tx / (RadiusX * RadiusX) + ty * ty / (RadiusY * RadiusY));
        var outline = 1.0;
        if (label == 1)
        {
            var phi = Math.Atan2(ty, tx);
            for (var k = 0; k < lobeAmplitude.Length; k++)
            {
                outline += lobeAmplitude[k] * Math.Sin((k + 2) * phi + lobePhase[k]);
            }
        }
        noiseSigma = Sigma;
        noiseFreeValue = Intensity;
        if (normalised > outline)
        {
            return false;
        }
        if (label == 1 && normalised < 0.55 * outline)
        {
            noiseFreeValue = CoreIntensity;
            noiseSigma = Sigma / 2;
        }
        return true;
    }
}
