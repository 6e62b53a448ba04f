namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>
/// Result of <see cref="TumorBorderAligner.Align"/>: the derived axis order, the evidence for it, and the border in
/// image coordinates (empty when <see cref="Order"/> is <see cref="BorderAxisOrder.Undetermined"/>).
/// </summary>
/// <param name="Order">The axis order that puts more vertices on the mask boundary.</param>
/// <param name="HitsAsColumnRow">Vertices within one pixel of the mask boundary when read as (column, row).</param>
/// <param name="HitsAsRowColumn">Vertices within one pixel of the mask boundary when read as (row, column).</param>
/// <param name="Points">Vertices in 0-based image coordinates, in the file's order.</param>
public sealed record BorderAlignment(BorderAxisOrder Order, int HitsAsColumnRow, int HitsAsRowColumn, IReadOnlyList<BorderPoint> Points);
