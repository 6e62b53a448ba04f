using XaiLab.Data.Entities;
using XaiLab.Engine.Datasets.Splits;

namespace XaiLab.Web.Services.Datasets;

/// <summary>The Engine's split names and the stored ones, both ways, in one place.</summary>
public static class DatasetSplitParts
{
    public static SplitPart ToPart(DatasetSplit split) => split switch
    {
        DatasetSplit.Train => SplitPart.Train,
        DatasetSplit.Validation => SplitPart.Validation,
        DatasetSplit.Test => SplitPart.Test,
        _ => SplitPart.Unassigned,
    };

    public static DatasetSplit ToSplit(SplitPart part) => part switch
    {
        SplitPart.Train => DatasetSplit.Train,
        SplitPart.Validation => DatasetSplit.Validation,
        SplitPart.Test => DatasetSplit.Test,
        _ => DatasetSplit.Unassigned,
    };
}
