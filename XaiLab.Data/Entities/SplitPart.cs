namespace XaiLab.Data.Entities;

public enum SplitPart
{
    Train,
    Validation,
    Test,
}
