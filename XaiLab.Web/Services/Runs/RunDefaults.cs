namespace XaiLab.Web.Services.Runs;

/// <summary>Defaults of a run launched without a field: sized to train the demo dataset in about a minute on a CPU.</summary>
public static class RunDefaults
{
    public const string Architecture = "smallcnn";
    public const int Epochs = 8;
    public const int ImageSize = 64;
    public const int BatchSize = 32;
    public const double LearningRate = 0.002;
    public const int Seed = 1;
    public const string Device = "auto";
}
