namespace XaiLab.Data.Entities;

public enum EmbeddingStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
