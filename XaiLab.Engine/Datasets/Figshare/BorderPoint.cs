namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>A tumour-border vertex in 0-based image coordinates: <paramref name="X"/> the column, <paramref name="Y"/> the row.</summary>
public readonly record struct BorderPoint(double X, double Y);
