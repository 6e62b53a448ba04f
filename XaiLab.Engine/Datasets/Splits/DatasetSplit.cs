namespace XaiLab.Engine.Datasets.Splits;

/// <summary>The part of a dataset a slice belongs to.</summary>
public enum DatasetSplit
{
    Train,
    Validation,
    Test,
}
