namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>Tumour type of a figshare slice, numbered as <c>cjdata.label</c> stores it.</summary>
public enum FigshareTumorClass
{
    Meningioma = 1,
    Glioma = 2,
    Pituitary = 3,
}
