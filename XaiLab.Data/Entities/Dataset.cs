namespace XaiLab.Data.Entities;

public class Dataset : ITeamOwned
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public required string Name { get; set; }
    public DatasetSource Source { get; set; }
    public DatasetStatus Status { get; set; }
    public string? Error { get; set; }

    /// <summary>Class names in label order (label i is ClassNames[i]).</summary>
    public List<string> ClassNames { get; set; } = [];
    public int SliceCount { get; set; }
    public int PatientCount { get; set; }
    public bool WithMasks { get; set; }

    /// <summary>Hash over all slice contents: a run records it to say exactly what it trained on.</summary>
    public string? VersionHash { get; set; }

    /// <summary>Seed of the persisted train/validation/test split.</summary>
    public int SplitSeed { get; set; }

    /// <summary>How the persisted split was made. Default patient-grouped.</summary>
    public DatasetSplitPreset SplitPreset { get; set; }

    /// <summary>What the lab should know about the dataset's split (too few patients for one); replaced by every
    /// resplit. Shown on its page and in the API's <c>warnings</c>, after <see cref="ImportNotices"/>.</summary>
    public List<string> Warnings { get; set; } = [];

    /// <summary>What the import left out and why ("3 files skipped: JPEG Baseline … is compressed"); kept for the
    /// dataset's life (a resplit does not touch it). Shown with <see cref="Warnings"/>.</summary>
    public List<string> ImportNotices { get; set; } = [];

    /// <summary>Import progress 0..1 while importing; stored at most about twice a second.</summary>
    public double ImportProgress { get; set; }

    /// <summary>The Hangfire job importing the dataset, to delete it when cancelled while still queued.</summary>
    public string? ImportJobId { get; set; }

    /// <summary>Absolute path of the uploaded file while it waits to be imported; null once it is deleted.</summary>
    public string? UploadPath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Slice> Slices { get; set; } = [];
}
