namespace XaiLab.Data.Entities;

public enum DatasetStatus
{
    Importing,
    Ready,
    Failed,
}
