namespace XaiLab.Engine.Datasets;

/// <summary>
/// A dataset, archive or file that cannot be imported. The message names the offending file and says what is wrong,
/// in words a user can act on.
/// </summary>
public sealed class DatasetImportException : Exception
{
    public DatasetImportException(string message)
        : base(message)
    {
    }

    public DatasetImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
