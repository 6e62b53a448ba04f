namespace XaiLab.Data.Entities;

/// <summary>A study is open while annotators rate (blinded); closing it ends rating and lifts the blinding.</summary>
public enum StudyStatus
{
    Open,
    Closed,
}
