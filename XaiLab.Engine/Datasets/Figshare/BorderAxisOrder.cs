namespace XaiLab.Engine.Datasets.Figshare;

/// <summary>
/// How the pairs of <c>cjdata.tumorBorder</c> map to image axes. The dataset's documentation says "x1,y1,x2,y2,..."
/// without saying whether x is the column, so <see cref="TumorBorderAligner"/> derives it per slice from the mask.
/// </summary>
public enum BorderAxisOrder
{
    /// <summary>The mask gives no evidence: empty border or mask, or both orders fit equally well.</summary>
    Undetermined,

    /// <summary>Each pair is (column, row): the first value runs along the image width.</summary>
    ColumnRow,

    /// <summary>Each pair is (row, column): the first value runs along the image height.</summary>
    RowColumn,
}
