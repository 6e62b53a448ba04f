namespace XaiLab.Data.Entities;

/// <summary>
/// A request for the maps of runs x methods x slices. The slices are resolved when the request is accepted (the default
/// test slices plus the user's picks), so <see cref="Total"/> is known from the start; <see cref="MapIds"/> lists the
/// stored maps (new or reused) as the job reaches them.
/// </summary>
public class AttributionRequest : ITeamOwned
{
    public int Id { get; set; }

    /// <summary>The team of the explained runs; it owns the request.</summary>
    public int TeamId { get; set; } = Team.DefaultTeamId;
    public Team? Team { get; set; }
    public List<int> RunIds { get; set; } = [];

    /// <summary>
    /// The run whose training asked for these maps (its built-in saliency step, shown on the run page and in
    /// <c>/api/runs/{id}/saliency</c>); null for a request a person made.
    /// </summary>
    public int? TrainingRunId { get; set; }

    /// <summary>API names of the methods, as the registry spells them.</summary>
    public List<string> Methods { get; set; } = [];
    public List<int> SliceIds { get; set; } = [];

    /// <summary>Path steps of the integrated-gradient family; null for each method's default.</summary>
    public int? Steps { get; set; }

    /// <summary>Inputs per model call; null for each method's default (memory only, never in the cache key).</summary>
    public int? InternalBatchSize { get; set; }
    public int Seed { get; set; } = 1;

    /// <summary>SmoothGrad averages squared maps (PAIR's <c>magnitude</c>, default true) rather than signed ones.</summary>
    public bool SmoothGradMagnitude { get; set; } = true;

    public AttributionRequestStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }

    /// <summary>Maps this request computed itself; the others of <see cref="Done"/> were found stored and reused.</summary>
    public int Computed { get; set; }
    public List<int> MapIds { get; set; } = [];
    public string? Error { get; set; }

    /// <summary>Name of the node (Node:Name) that executed the request last.</summary>
    public string? ExecutedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
