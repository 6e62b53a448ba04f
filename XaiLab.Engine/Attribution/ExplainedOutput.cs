namespace XaiLab.Engine.Attribution;

/// <summary>Which output of the classifier an attribution explains.</summary>
public enum ExplainedOutput
{
    /// <summary>Softmax probability of the target class: what the paper (PAIR saliency) explains. Default.</summary>
    Probability,

    /// <summary>The target's logit (pre-softmax score): not bounded, so no saturation near p = 1.</summary>
    Logit,
}
