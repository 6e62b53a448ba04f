namespace XaiLab.Engine.Datasets.Phantoms;

/// <summary>
/// The class-independent part of a synthetic patient: head position, brain ellipse, skull, texture, ventricles and noise.
/// It is drawn from its own random stream so the brain background carries no information about the tumour class.
/// Lengths are fractions of the slice side; offsets are relative to the brain centre.
/// </summary>
internal sealed class PhantomAnatomy
{
    public const double MaximumValue = 4095;

    private readonly double[] waveFrequencyX = new double[4];
    private readonly double[] waveFrequencyY = new double[4];
    private readonly double[] wavePhase = new double[4];
    private readonly double[] waveAmplitude = new double[4];

    public PhantomAnatomy(Random random)
    {
        CentreX = 0.5 + Uniform(random, -0.02, 0.02);
        CentreY = 0.5 + Uniform(random, -0.02, 0.02);
        SemiAxisX = Uniform(random, 0.33, 0.37);
        SemiAxisY = Uniform(random, 0.39, 0.42);
        SkullThickness = Uniform(random, 0.08, 0.1);
        BrainIntensity = Uniform(random, 1150, 1450);
        SkullIntensity = Uniform(random, 2250, 2500);
        NoiseSigma = Uniform(random, 20, 40);
        VentricleDepth = Uniform(random, 350, 550);
        VentricleSpread = Uniform(random, 0.12, 0.18);
        for (var k = 0; k < waveAmplitude.Length; k++)
        {
            var angle = Uniform(random, 0, 2 * Math.PI);
            var cycles = Uniform(random, 1.5, 5);
            waveFrequencyX[k] = cycles * Math.Cos(angle);
            waveFrequencyY[k] = cycles * Math.Sin(angle);
            wavePhase[k] = Uniform(random, 0, 2 * Math.PI);
            waveAmplitude[k] = Uniform(random, 25, 70);
        }
    }

    public double CentreX { get; }
    public double CentreY { get; }
    public double SemiAxisX { get; }
    public double SemiAxisY { get; }
    public double SkullThickness { get; }
    public double BrainIntensity { get; }
    public double SkullIntensity { get; }
    public double NoiseSigma { get; }
    private double VentricleDepth { get; }
    private double VentricleSpread { get; }

    /// <summary>Elliptic radius of a point relative to the brain centre: 1 on the inner skull edge.</summary>
    public double EllipticRadius(double dx, double dy) =>
        Math.Sqrt(dx * dx / (SemiAxisX * SemiAxisX) + dy * dy / (SemiAxisY * SemiAxisY));

    /// <summary>Noise-free tissue value at a point relative to the brain centre, with a per-slice texture phase.</summary>
    public double Tissue(double dx, double dy, double texturePhase)
    {
        var radius = EllipticRadius(dx, dy);
        if (radius > 1 + SkullThickness)
        {
            return 0;
        }
        if (radius > 1)
        {
            return SkullIntensity;
        }
        var value = BrainIntensity;
        for (var k = 0; k < waveAmplitude.Length; k++)
        {
            value += waveAmplitude[k] * Math.Sin(
                2 * Math.PI * (waveFrequencyX[k] * dx + waveFrequencyY[k] * dy) + wavePhase[k] + texturePhase);
        }
        // Two lateral ventricles: dark, smooth blobs either side of the midline.
        var vx = Math.Abs(dx) / SemiAxisX - VentricleSpread;
        var vy = (dy + 0.1 * SemiAxisY) / SemiAxisY;
        value -= VentricleDepth * Math.Exp(-(vx * vx / 0.004 + vy * vy / 0.03));
        return value;
    }

    public static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
