namespace XaiLab.Engine.Datasets.Phantoms;

/// <summary>What <see cref="PhantomGenerator"/> makes.</summary>
/// <param name="Slices">Total number of slices; default 300, at least 3.</param>
/// <param name="Size">Side of the square slices in pixels; default 128, 64..512.</param>
/// <param name="Seed">Seed of every random choice; the same seed gives the same pixels. Default 1.</param>
/// <param name="SlicesPerPatient">
/// Slices per synthetic patient (one class per patient); default 6, between 1 and <paramref name="Slices"/> / 3 so that
/// every class has at least one patient.
/// </param>
public sealed record PhantomOptions(int Slices = 300, int Size = 128, int Seed = 1, int SlicesPerPatient = 6)
{
    /// <summary>Smallest accepted <see cref="Size"/>.</summary>
    public const int MinimumSize = 64;

    /// <summary>Largest accepted <see cref="Size"/>.</summary>
    public const int MaximumSize = 512;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Size is < MinimumSize or > MaximumSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), Size,
                $"Phantom size must be between {MinimumSize} and {MaximumSize} pixels.");
        }
        if (Slices < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(Slices), Slices,
                "At least 3 slices are needed (one per tumour class).");
        }
        if (SlicesPerPatient < 1 || SlicesPerPatient > Slices / 3)
        {
            throw new ArgumentOutOfRangeException(nameof(SlicesPerPatient), SlicesPerPatient,
                $"Slices per patient must be between 1 and Slices / 3 ({Slices / 3}) so that every class has a patient.");
        }
    }
}
