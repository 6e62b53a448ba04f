namespace XaiLab.Data.Executions;

/// <summary>The kinds of job subject a <see cref="Entities.JobExecution"/> belongs to.</summary>
public static class JobKinds
{
    public const string Run = "run";
    public const string DatasetImport = "dataset-import";
    public const string Attribution = "attribution";
    public const string SanityCheck = "sanity-check";
    public const string Embedding = "embedding";
    public const string Evaluation = "evaluation";
}
