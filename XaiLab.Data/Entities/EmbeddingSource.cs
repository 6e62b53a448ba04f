namespace XaiLab.Data.Entities;

/// <summary>What an embedding projects: raw pixels of a dataset, or a run's penultimate features.</summary>
public enum EmbeddingSource
{
    /// <summary>Downsampled, normalised pixels of the slices.</summary>
    Pixels,

    /// <summary>Features of the run's model as built from its seed, before training.</summary>
    Initial,

    /// <summary>Features of the run's model after its last stored epoch.</summary>
    Trained,
}
